package org.sanctionsgraph.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's answer is worked out once for the subscriptions that would answer it alike,
 * and never handed to one that would answer it otherwise: another caller, other values of
 * the variables its selection uses, or an answer with an error.
 */
class SharedSubscriptionEventsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Object SECURITY = new SecurityContextHolderThreadLocalAccessor().key();

	private static final String DOCUMENT = """
			subscription Events($after: Int, $prefix: String) {
			  events(after: $after) { id label(prefix: $prefix) caller }
			}""";

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	/** One event, the same object handed to every subscription, as the live feed does. */
	record Event(int id) {
	}

	private final Sinks.Many<Event> events = Sinks.many().multicast().directBestEffort();

	private final AtomicInteger labels = new AtomicInteger();

	private GraphQL graphQl;

	@BeforeEach
	void schema() {
		String sdl = """
				type Query { unused: Int }
				type Subscription { events(after: Int): Event! }
				type Event { id: Int! label(prefix: String): String caller: String }
				""";
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Subscription", type -> type.dataFetcher("events", env -> this.events.asFlux()
				.filter(event -> env.getArgument("after") == null || event.id() > (Integer) env.getArgument("after"))))
			.type("Event", type -> type.dataFetcher("label", env -> {
				this.labels.incrementAndGet();
				Event event = env.getSource();
				if (event.id() == 13) {
					throw new IllegalStateException("no label for 13");
				}
				return env.getArgumentOrDefault("prefix", "") + event.id();
			}).dataFetcher("caller", env -> {
				SecurityContext security = env.getGraphQlContext().get(SECURITY);
				return security == null ? null : security.getAuthentication().getName();
			}))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
		this.graphQl = GraphQL.newGraphQL(schema)
			.subscriptionExecutionStrategy(
					new SharedSubscriptionEvents.Strategy(new SimpleDataFetcherExceptionHandler()))
			.build();
	}

	@Test
	void subscriptionsAskingAlikeShareOneAnswerPerEventThoughTheirOwnArgumentsDiffer() throws InterruptedException {
		// after differs, but only chose the events: the answers are alike
		Received first = subscribe(Map.of("prefix", "n"), ANONYMOUS);
		Received second = subscribe(Map.of("prefix", "n", "after", 0), ANONYMOUS);
		Received third = subscribe(Map.of("prefix", "n"), ANONYMOUS);

		emit(1);
		emit(2);

		for (Received received : List.of(first, second, third)) {
			assertThat(received.next())
				.isEqualTo(Map.of("events", Map.of("id", 1, "label", "n1", "caller", "anonymousUser")));
			assertThat(received.next())
				.isEqualTo(Map.of("events", Map.of("id", 2, "label", "n2", "caller", "anonymousUser")));
		}
		assertThat(this.labels).as("one label worked out per event").hasValue(2);
	}

	@Test
	void otherValuesOfTheSelectionsVariablesGetTheirOwnAnswers() throws InterruptedException {
		Received plain = subscribe(Map.of("prefix", "n"), ANONYMOUS);
		Received other = subscribe(Map.of("prefix", "m"), ANONYMOUS);

		emit(1);

		assertThat(plain.next()).isEqualTo(Map.of("events", Map.of("id", 1, "label", "n1", "caller", "anonymousUser")));
		assertThat(other.next()).isEqualTo(Map.of("events", Map.of("id", 1, "label", "m1", "caller", "anonymousUser")));
		assertThat(this.labels).hasValue(2);
	}

	@Test
	void anotherCallerGetsItsOwnAnswerNeverTheOneWorkedOutForSomeoneElse() throws InterruptedException {
		Authentication analyst = new UsernamePasswordAuthenticationToken("analyst", null,
				AuthorityUtils.createAuthorityList("ROLE_ANALYST"));
		Authentication admin = new UsernamePasswordAuthenticationToken("analyst", null,
				AuthorityUtils.createAuthorityList("ROLE_ANALYST", "ROLE_ADMIN"));
		Received anonymous = subscribe(Map.of(), ANONYMOUS);
		Received signedIn = subscribe(Map.of(), analyst);
		Received sameNameMoreRoles = subscribe(Map.of(), admin);
		Received nobody = subscribe(Map.of(), null);

		emit(1);

		assertThat(anonymous.next())
			.isEqualTo(Map.of("events", Map.of("id", 1, "label", "1", "caller", "anonymousUser")));
		assertThat(signedIn.next()).isEqualTo(Map.of("events", Map.of("id", 1, "label", "1", "caller", "analyst")));
		assertThat(sameNameMoreRoles.next())
			.isEqualTo(Map.of("events", Map.of("id", 1, "label", "1", "caller", "analyst")));
		Map<String, Object> unsigned = new java.util.HashMap<>();
		unsigned.put("id", 1);
		unsigned.put("label", "1");
		unsigned.put("caller", null);
		assertThat(nobody.next()).isEqualTo(Map.of("events", unsigned));
		assertThat(this.labels).as("four callers, four answers").hasValue(4);
	}

	@Test
	void anAnswerWithAnErrorIsNotSharedEachSubscriptionGetsTheErrorFromItsOwnWork() throws InterruptedException {
		Received first = subscribe(Map.of(), ANONYMOUS);
		Received second = subscribe(Map.of(), ANONYMOUS);

		emit(13);

		for (Received received : List.of(first, second)) {
			ExecutionResult result = received.nextResult();
			assertThat(result.getErrors()).singleElement()
				.satisfies(error -> assertThat(error.getPath()).containsExactly("events", "label"));
		}
		assertThat(this.labels).hasValue(2);
	}

	private void emit(int id) {
		assertThat(this.events.tryEmitNext(new Event(id)).isSuccess()).isTrue();
	}

	private Received subscribe(Map<String, Object> variables, Authentication caller) {
		ExecutionInput input = ExecutionInput.newExecutionInput(DOCUMENT)
			.variables(variables)
			.graphQLContext(context -> {
				if (caller != null) {
					context.put(SECURITY, new SecurityContextImpl(caller));
				}
			})
			.build();
		ExecutionResult result = this.graphQl.execute(input);
		assertThat(result.getErrors()).isEmpty();
		Received received = new Received();
		Publisher<ExecutionResult> stream = result.getData();
		Flux.from(stream).subscribe(received.results::add);
		return received;
	}

	/** The answers one subscription received, waited on with a time limit. */
	private static final class Received {

		final BlockingQueue<ExecutionResult> results = new LinkedBlockingQueue<>();

		ExecutionResult nextResult() throws InterruptedException {
			ExecutionResult next = this.results.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(next).as("an answer within " + WAIT).isNotNull();
			return next;
		}

		Map<String, Object> next() throws InterruptedException {
			ExecutionResult next = nextResult();
			assertThat(next.getErrors()).isEmpty();
			return next.getData();
		}

	}

}
