package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The list sizes the query cost counts by are part of readiness: until they are computed
 * the gate holds every request, even once Spring Boot reports the application ready.
 */
class ReadinessGateListSizeTests {

	@Test
	void requestsWaitForTheListSizes() throws Exception {
		ApplicationAvailability availability = mock(ApplicationAvailability.class);
		when(availability.getReadinessState()).thenReturn(ReadinessState.ACCEPTING_TRAFFIC);
		ListSizes lists = mock(ListSizes.class);
		ReadinessGate gate = new ReadinessGate(availability, lists);

		when(lists.ready()).thenReturn(false);
		MockHttpServletResponse held = new MockHttpServletResponse();
		MockFilterChain heldChain = new MockFilterChain();
		gate.doFilter(new MockHttpServletRequest("POST", "/graphql"), held, heldChain);
		assertThat(held.getStatus()).isEqualTo(503);
		assertThat(held.getContentAsString()).contains("NOT_READY");
		assertThat(heldChain.getRequest()).as("passed on").isNull();

		when(lists.ready()).thenReturn(true);
		MockHttpServletResponse served = new MockHttpServletResponse();
		MockFilterChain servedChain = new MockFilterChain();
		gate.doFilter(new MockHttpServletRequest("POST", "/graphql"), served, servedChain);
		assertThat(servedChain.getRequest()).as("passed on").isNotNull();
	}

}
