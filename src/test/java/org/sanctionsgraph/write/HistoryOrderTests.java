package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * History ids only ever grow, so the history's order is the order entries are stored in,
 * and they are taken only inside a write that runs in that order.
 */
class HistoryOrderTests {

	@Test
	void idsTakenInOrderAlwaysGrow() {
		HistoryOrder order = new HistoryOrder();
		List<String> ids = order.run(() -> {
			List<String> taken = new ArrayList<>();
			for (int i = 0; i < 10_000; i++) {
				taken.add(order.next());
			}
			return taken;
		});
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void theSuccessorCarriesAcrossBytes() {
		assertThat(HistoryOrder.successor(new ObjectId("0000000100000000000000ff")).toHexString())
			.isEqualTo("000000010000000000000100");
		assertThat(HistoryOrder.successor(new ObjectId("00000001ffffffffffffffff")).toHexString())
			.isEqualTo("000000020000000000000000");
	}

	@Test
	void anIdOutsideAnOrderedWriteIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new HistoryOrder().next());
	}

}
