"""Populations by year: the latest figure at or before a year."""

from __future__ import annotations

import copy
import pickle

from planner.models.population import Population, population_in


def test_the_latest_figure_at_or_before_the_year() -> None:
    p = Population({2017: 27100, 2016: 26955})
    assert p == 27100 and p.by_year == {2016: 26955, 2017: 27100}
    assert (p.at(2016), p.at(2017), p.at(2030), p.at(2010)) == (
        26955,
        27100,
        27100,
        26955,
    )
    assert population_in(p, 2016) == 26955 and population_in(5000, 2016) == 5000


def test_pickles_and_copies_with_its_figures() -> None:
    """The results cache pickles inventories."""
    p = Population({2016: 1, 2017: 2})
    for q in (
        pickle.loads(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL)),
        copy.deepcopy(p),
    ):
        assert (q, q.by_year) == (2, {2016: 1, 2017: 2})
