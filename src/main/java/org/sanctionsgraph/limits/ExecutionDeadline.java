package org.sanctionsgraph.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import graphql.language.OperationDefinition.Operation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.sanctionsgraph.db.RequestDeadline;

import org.springframework.stereotype.Component;

/**
 * Stops a request that runs past its time limit: no field that loads data starts after
 * the deadline. Over HTTP the deadline is the request's, set by {@link HttpTransport}
 * when it arrives and shared by its MongoDB operations ({@link RequestDeadline}), so the
 * limit covers the whole request and the thread is freed instead of working on for an
 * answer nobody will get.
 */
@Component
class ExecutionDeadline extends SimplePerformantInstrumentation {

	private final Duration timeout;

	private final Clock clock;

	ExecutionDeadline(LimitsProperties limits, Clock clock) {
		this.timeout = limits.timeout();
		this.clock = clock;
	}

	/** The instant after which no field may start. */
	record Deadline(Instant at) implements InstrumentationState {
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		Instant request = RequestDeadline.current();
		return new Deadline(request != null ? request : this.clock.instant().plus(this.timeout));
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()
				|| parameters.getExecutionContext().getOperationDefinition().getOperation() == Operation.SUBSCRIPTION) {
			// a subscription's events come long after it started: each is bounded by the
			// feed's buffer, not by the request's deadline
			// reading a property of an object already loaded takes no time worth bounding
			return fetcher;
		}
		return env -> {
			if (this.clock.instant().isAfter(deadline.at())) {
				throw new AbortExecutionException(
						"The request ran past its time limit of " + this.timeout.toMillis() + " ms and was stopped");
			}
			return fetcher.get(env);
		};
	}

}
