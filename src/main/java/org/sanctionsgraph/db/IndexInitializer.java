package org.sanctionsgraph.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Creates at start-up every index that the document classes declare ({@code @Indexed},
 * {@code @CompoundIndex}), so each query path the schema offers is served by an index on
 * MongoDB. (The embedded server accepts non-unique indexes but scans; unique ones it
 * enforces.)
 */
@Component
class IndexInitializer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

	private final MongoTemplate mongo;

	IndexInitializer(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context = this.mongo.getConverter()
			.getMappingContext();
		MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(context);
		int created = 0;
		for (MongoPersistentEntity<?> entity : context.getPersistentEntities()) {
			if (entity.isAnnotationPresent(Document.class)) {
				IndexOperations indexes = this.mongo.indexOps(entity.getType());
				for (var index : resolver.resolveIndexFor(entity.getType())) {
					indexes.createIndex(index);
					created++;
				}
			}
		}
		log.info("Ensured {} MongoDB indexes", created);
	}

}
