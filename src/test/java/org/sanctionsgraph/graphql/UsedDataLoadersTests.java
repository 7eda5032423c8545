package org.sanctionsgraph.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsedDataLoadersTests {

	@Test
	void aDispatchLoadsWhatWasAskedOfTheLoadersHandedOutAndTouchesNoOther() {
		AtomicInteger doubled = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		DataLoaderRegistry all = DataLoaderRegistry.newRegistry()
			.register("double", DataLoaderFactory.newDataLoader(counting(doubled)))
			.register("other", DataLoaderFactory.newDataLoader(counting(other)))
			.build();
		UsedDataLoaders.Registry registry = new UsedDataLoaders.Registry(all);

		DataLoader<Integer, Integer> loader = registry.getDataLoader("double");
		CompletableFuture<Integer> two = loader.load(1);
		CompletableFuture<Integer> four = loader.load(2);
		assertThat(registry.dispatchDepth()).isEqualTo(2);
		registry.dispatchAll();

		assertThat(two).isCompletedWithValue(2);
		assertThat(four).isCompletedWithValue(4);
		assertThat(doubled).as("one batch for both keys").hasValue(1);
		assertThat(other).hasValue(0);
		assertThat(registry.getKeys()).containsExactlyInAnyOrder("double", "other");
		assertThat(registry.getDataLoader("missing")).isNull();
	}

	@Test
	void theCountedDispatchReportsTheKeysOfTheLoadersUsed() {
		DataLoaderRegistry all = DataLoaderRegistry.newRegistry()
			.register("double", DataLoaderFactory.newDataLoader(counting(new AtomicInteger())))
			.build();
		UsedDataLoaders.Registry registry = new UsedDataLoaders.Registry(all);
		assertThat(registry.dispatchAllWithCount()).isZero();

		DataLoader<Integer, Integer> loader = registry.getDataLoader("double");
		CompletableFuture<Integer> six = loader.load(3);
		assertThat(registry.dispatchAllWithCount()).isEqualTo(1);
		assertThat(six).isCompletedWithValue(6);
	}

	private static BatchLoader<Integer, Integer> counting(AtomicInteger batches) {
		return keys -> {
			batches.incrementAndGet();
			return CompletableFuture.completedFuture(keys.stream().map(key -> key * 2).toList());
		};
	}

}
