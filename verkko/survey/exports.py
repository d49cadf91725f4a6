"""The round's network as files other tools open: GraphML and GEXF (Gephi, networkx) and Kumu's JSON."""

import io

import networkx as nx
import orjson

from verkko.survey import metrics, results

GRAPH_FORMATS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "kumu": ("application/json", "json"),
}


def _text(value):
    return "" if value is None else value


def export_graph(data):
    """A directed graph: organisations with their measures, working ties with their answers."""
    measures = metrics.node_metrics(data.graph())
    scores = {row.organization.pk: row for row in results.organization_rows(data, lambda raters: True)}
    graph = nx.DiGraph()
    for organization_id in data.participant_ids:
        organization = data.organizations[organization_id]
        node = measures[organization_id]
        row = scores[organization_id]
        graph.add_node(
            organization.slug,
            label=organization.name,
            type=organization.type,
            answered=organization_id in data.responses,
            degree=node.degree,
            in_degree=node.in_degree,
            out_degree=node.out_degree,
            betweenness=float(node.betweenness),
            raters=row.raters,
            trust=float(_text(row.trust) or 0.0),
            value=float(_text(row.value) or 0.0),
        )
    for tie in data.working_ties:
        graph.add_edge(
            tie.response.organization.slug,
            tie.partner.slug,
            level=tie.level,
            frequency=tie.frequency,
            trust=float(tie.trust or 0.0),
            value=float(tie.value or 0.0),
        )
    return graph


def graphml(data):
    buffer = io.BytesIO()
    nx.write_graphml(export_graph(data), buffer)
    return buffer.getvalue()


def gexf(data):
    buffer = io.BytesIO()
    nx.write_gexf(export_graph(data), buffer)
    return buffer.getvalue()


def kumu(data):
    """Kumu's JSON: elements (organisations) and connections (ties), with their attributes."""
    graph = export_graph(data)
    elements = [
        {
            "_id": node,
            "label": attributes["label"],
            "type": attributes["type"],
            "attributes": {key: value for key, value in attributes.items() if key not in ("label", "type")},
        }
        for node, attributes in graph.nodes(data=True)
    ]
    connections = [
        {
            "from": source,
            "to": target,
            "direction": "mutual" if graph.has_edge(target, source) else "directed",
            "type": attributes["level"],
            "attributes": {key: value for key, value in attributes.items() if key != "level"},
        }
        for source, target, attributes in graph.edges(data=True)
    ]
    return orjson.dumps({"elements": elements, "connections": connections}, option=orjson.OPT_INDENT_2)


WRITERS = {"graphml": graphml, "gexf": gexf, "kumu": kumu}
TABLES = {"answers": results.answer_table, "ties": results.tie_table, "metrics": results.metric_table}
