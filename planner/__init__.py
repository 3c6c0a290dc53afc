"""planner: an infrastructure harmonisation planner for inter-municipal IT
cooperations.

Data flows one way: YAML (``load``) -> validated models (``models``) -> graph
(``graph``) -> analyses (``analyses``) -> plan -> renderers (``render``) -> CLI
(``cli``, ``commands``).
"""

__version__ = "0.1.0"
