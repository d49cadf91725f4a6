"""Network measures of one round, computed with networkx over plain values (no database).

The network is directed: a tie runs from the answering organisation to the organisation it
says it works with (at some level other than "none"). Every organisation of the round is a
node, whether it answered or not.

- density: ties / (n · (n − 1)), the share of all possible one-way ties that exist;
- reciprocity: the share of ties whose opposite tie also exists;
- degree: how many organisations an organisation is tied to in either direction;
  in-degree: how many name it; out-degree: how many it names;
- betweenness: the share of shortest paths between two other organisations that run through
  it, normalised to 0–1 for a directed network ((n − 1)(n − 2) ordered pairs).
"""

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class NodeMetrics:
    degree: int
    in_degree: int
    out_degree: int
    betweenness: float


@dataclass(frozen=True)
class NetworkMetrics:
    organizations: int
    ties: int
    density: float
    reciprocity: float | None  # None without ties


def graph_of(nodes, ties, **node_attributes):
    """A directed graph of the nodes and the (source, target, attributes) ties among them.

    node_attributes: optional {attribute: {node: value}} written on the nodes.
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for source, target, attributes in ties:
        if source != target:
            graph.add_edge(source, target, **attributes)
    for name, values in node_attributes.items():
        nx.set_node_attributes(graph, values, name)
    return graph


def network_metrics(graph):
    count = graph.number_of_nodes()
    return NetworkMetrics(
        organizations=count,
        ties=graph.number_of_edges(),
        density=nx.density(graph) if count > 1 else 0.0,
        reciprocity=nx.reciprocity(graph) if graph.number_of_edges() else None,
    )


def node_metrics(graph):
    """{node: NodeMetrics} for every node of the graph."""
    betweenness = nx.betweenness_centrality(graph, normalized=True) if graph.number_of_nodes() > 2 else {}
    undirected = graph.to_undirected(as_view=True)
    return {
        node: NodeMetrics(
            degree=undirected.degree(node),
            in_degree=graph.in_degree(node),
            out_degree=graph.out_degree(node),
            betweenness=betweenness.get(node, 0.0),
        )
        for node in graph.nodes
    }


def density_among(graph, nodes):
    """The density of the ties among some of the nodes (a goal's or a forum's organisations)."""
    present = [node for node in nodes if node in graph]
    if len(present) < 2:
        return None
    return nx.density(graph.subgraph(present))
