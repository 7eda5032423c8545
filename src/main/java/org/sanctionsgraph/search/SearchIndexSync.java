package org.sanctionsgraph.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the search index up to date at start-up (after the seed story or a data set is
 * loaded): it is rebuilt when missing or stale. Afterwards every write, here or (through
 * the change stream) on another instance, reaches the index as a record listener.
 */
@Component
@Order(3)
class SearchIndexSync implements ApplicationRunner {

	private final SearchIndex index;

	SearchIndexSync(SearchIndex index) {
		this.index = index;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.index.ensureCurrent();
	}

}
