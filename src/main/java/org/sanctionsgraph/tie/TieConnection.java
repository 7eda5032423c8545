package org.sanctionsgraph.tie;

import java.util.List;

import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.Connection.PageInfo;

/**
 * A page of ties as seen from one of their ends: each edge names the record at the other
 * end, so a person's relatives or an organisation's owners read without knowing which end
 * of each tie they were recorded at.
 */
record TieConnection(List<Link> edges, PageInfo pageInfo, long totalCount) {

	/**
	 * One tie with its cursor (signed when first asked for, as the page's) and the record
	 * at its other end.
	 *
	 * @param edge the tie and its cursor
	 * @param otherId the key of the record at the other end
	 * @param otherKind whether that record is a person or an organisation
	 * @param otherSide which end of the tie it is
	 */
	record Link(Connection.Edge<Tie> edge, String otherId, TieEndKind otherKind, TieSide otherSide) {

		public String cursor() {
			return this.edge.cursor();
		}

		public Tie node() {
			return this.edge.node();
		}

	}

	/** The page as seen from the record with the key {@code from}. */
	static TieConnection from(String from, Connection<Tie> page) {
		List<Link> links = page.edges().stream().map(edge -> {
			Tie tie = edge.node();
			return tie.endsAt(from) ? new Link(edge, tie.fromId(), tie.fromKind(), TieSide.FROM)
					: new Link(edge, tie.toId(), tie.toKind(), TieSide.TO);
		}).toList();
		return new TieConnection(links, page.pageInfo(), page.totalCount());
	}

	public List<Tie> nodes() {
		return this.edges.stream().map(Link::node).toList();
	}

}
