"""The network measures against values worked out by hand on small networks."""

import pytest

from verkko.survey import metrics


def measures(nodes, edges):
    graph = metrics.graph_of(nodes, [(source, target, {}) for source, target in edges])
    return metrics.network_metrics(graph), metrics.node_metrics(graph)


def test_a_star_whose_leaves_and_centre_all_name_each_other():
    # c ↔ 1, c ↔ 2, c ↔ 3: 6 ties of 4 · 3 = 12 possible.
    edges = [("c", leaf) for leaf in "123"] + [(leaf, "c") for leaf in "123"]
    network, nodes = measures(["c", "1", "2", "3"], edges)
    assert network.ties == 6
    assert network.density == pytest.approx(0.5)
    assert network.reciprocity == pytest.approx(1.0)
    assert (nodes["c"].degree, nodes["c"].in_degree, nodes["c"].out_degree) == (3, 3, 3)
    assert (nodes["1"].degree, nodes["1"].in_degree, nodes["1"].out_degree) == (1, 1, 1)
    # Every one of the 3 · 2 ordered pairs of leaves runs through the centre: 6 / 6.
    assert nodes["c"].betweenness == pytest.approx(1.0)
    assert nodes["1"].betweenness == pytest.approx(0.0)


def test_a_one_way_star_has_no_paths_through_its_centre():
    network, nodes = measures(["c", "1", "2", "3"], [(leaf, "c") for leaf in "123"])
    assert network.density == pytest.approx(3 / 12)
    assert network.reciprocity == pytest.approx(0.0)
    assert (nodes["c"].degree, nodes["c"].in_degree, nodes["c"].out_degree) == (3, 3, 0)
    assert nodes["c"].betweenness == pytest.approx(0.0)


def test_a_chain():
    # a → b → c: 2 of 6 ties; only the pair (a, c) has a path through someone, b: 1 of 2 pairs.
    network, nodes = measures(["a", "b", "c"], [("a", "b"), ("b", "c")])
    assert network.density == pytest.approx(2 / 6)
    assert network.reciprocity == pytest.approx(0.0)
    assert (nodes["b"].degree, nodes["b"].in_degree, nodes["b"].out_degree) == (2, 1, 1)
    assert (nodes["a"].degree, nodes["a"].in_degree, nodes["a"].out_degree) == (1, 0, 1)
    assert nodes["b"].betweenness == pytest.approx(0.5)
    assert nodes["a"].betweenness == pytest.approx(0.0)
    assert nodes["c"].betweenness == pytest.approx(0.0)


def test_a_triangle_with_one_one_way_tie():
    # a ↔ b, b ↔ c, a → c (c does not name a): 5 of 6 ties, 4 of them reciprocated.
    edges = [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b"), ("a", "c")]
    network, nodes = measures(["a", "b", "c"], edges)
    assert network.ties == 5
    assert network.density == pytest.approx(5 / 6)
    assert network.reciprocity == pytest.approx(4 / 5)
    assert (nodes["a"].degree, nodes["a"].in_degree, nodes["a"].out_degree) == (2, 1, 2)
    assert (nodes["c"].degree, nodes["c"].in_degree, nodes["c"].out_degree) == (2, 2, 1)
    assert (nodes["b"].degree, nodes["b"].in_degree, nodes["b"].out_degree) == (2, 2, 2)
    # Only c → a must go round, through b: 1 of b's 2 ordered pairs.
    assert nodes["b"].betweenness == pytest.approx(0.5)
    assert nodes["a"].betweenness == pytest.approx(0.0)
    assert nodes["c"].betweenness == pytest.approx(0.0)


def test_an_empty_network_and_density_among_some_nodes():
    network, nodes = measures(["a", "b"], [])
    assert network.density == 0.0
    assert network.reciprocity is None
    assert nodes["a"].degree == 0
    graph = metrics.graph_of("abcd", [("a", "b", {}), ("b", "a", {}), ("c", "d", {})])
    assert metrics.density_among(graph, ["a", "b", "c"]) == pytest.approx(2 / 6)
    assert metrics.density_among(graph, ["a"]) is None
    assert metrics.density_among(graph, ["a", "x"]) is None


def test_a_tie_to_oneself_is_not_a_tie():
    network, _nodes = measures(["a", "b"], [("a", "a")])
    assert network.ties == 0
