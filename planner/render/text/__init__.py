"""Results as terminal text, Markdown and JSON: one module per result
(``gaps``, ``bandwidth``, ``plan``, ``costs``, ``availability``), each with
``*_text``, ``*_markdown`` and ``*_json``; ``tables`` and ``jsonout`` are
shared; ``progress`` is the terminal's progress bar."""
