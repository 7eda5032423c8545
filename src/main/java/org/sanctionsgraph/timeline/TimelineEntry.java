package org.sanctionsgraph.timeline;

import java.util.List;

/**
 * An event or a measure on a timeline.
 *
 * @param item the Event or Measure
 * @param key the day it sorts by
 * @param linksTo global ids of the entries it follows from
 */
record TimelineEntry(Object item, String key, List<String> linksTo) {
}
