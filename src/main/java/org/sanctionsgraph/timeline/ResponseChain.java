package org.sanctionsgraph.timeline;

import java.util.List;

import org.sanctionsgraph.measure.Measure;

/**
 * The escalation chain around a measure.
 *
 * @param root the measure asked about
 * @param measures every measure reached, with its distance from the root
 * @param answers every "responds to" link between them
 * @param truncated whether the depth limit left measures out
 */
record ResponseChain(Measure root, List<Link> measures, List<Answer> answers, boolean truncated) {

	/** A measure and how many "responds to" links away from the root it is. */
	record Link(Measure measure, int distance) {
	}

	/** A countermeasure and a measure it answers. */
	record Answer(Measure countermeasure, Measure answers) {
	}

}
