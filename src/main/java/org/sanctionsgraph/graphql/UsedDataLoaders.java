package org.sanctionsgraph.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;

import org.springframework.stereotype.Component;

/**
 * Dispatches only the data loaders a request has used. Every request gets all the
 * application's loaders, and graphql-java dispatches every one of them at every level of
 * the answer, and again after every event of a subscription; most requests use one or
 * two. A loader nobody asked for holds no load, so leaving it out changes no answer: it
 * only spares the work, which grows with the number of loaders and, for the live feed,
 * with the number of subscribers.
 */
@Component
class UsedDataLoaders extends SimplePerformantInstrumentation {

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		DataLoaderRegistry registry = input.getDataLoaderRegistry();
		if (registry == EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY || registry instanceof Registry) {
			return input;
		}
		return input.transform(builder -> builder.dataLoaderRegistry(new Registry(registry)));
	}

	/**
	 * The request's loaders, the same objects, remembering which were handed out; a
	 * dispatch goes to those alone.
	 */
	static final class Registry extends DataLoaderRegistry {

		private final Map<String, DataLoader<?, ?>> used = new ConcurrentHashMap<>();

		private final DataLoaderInstrumentation instrumentation;

		Registry(DataLoaderRegistry all) {
			// the loaders are instrumented already, if at all: they are not wrapped again
			super(all.getDataLoadersMap(), null);
			this.instrumentation = all.getInstrumentation();
		}

		@Override
		public DataLoaderInstrumentation getInstrumentation() {
			return this.instrumentation;
		}

		@Override
		public <K, V> DataLoader<K, V> getDataLoader(String key) {
			DataLoader<K, V> loader = super.getDataLoader(key);
			if (loader != null) {
				this.used.putIfAbsent(key, loader);
			}
			return loader;
		}

		@Override
		public void dispatchAll() {
			this.used.values().forEach(DataLoader::dispatch);
		}

		@Override
		public int dispatchAllWithCount() {
			int count = 0;
			for (DataLoader<?, ?> loader : this.used.values()) {
				count += loader.dispatchWithCounts().getKeysCount();
			}
			return count;
		}

		@Override
		public int dispatchDepth() {
			int depth = 0;
			for (DataLoader<?, ?> loader : this.used.values()) {
				depth += loader.dispatchDepth();
			}
			return depth;
		}

	}

}
