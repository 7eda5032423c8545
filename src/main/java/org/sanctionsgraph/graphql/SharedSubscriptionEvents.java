package org.sanctionsgraph.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.incremental.AlternativeCallContext;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.VariableReference;
import io.micrometer.context.ContextSnapshot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Works out each event of a subscription once for all the subscriptions that would answer
 * it alike. graphql-java runs a subscription's selection over every event for every
 * subscriber; a thousand dashboards following the same feed with the same selection ran
 * it a thousand times for one change. Here, when an event is handed to one subscription
 * after another, a subscription asking with the same document, the same values of the
 * variables its selection uses (not those only of the subscribed field's arguments, which
 * chose its events) and the same caller (principal and authorities, which decide what a
 * field shows) gets the answer the first one worked out, if that one is complete and had
 * no error; otherwise it works out its own.
 * <p>
 * So a data fetcher below a subscription must answer from its source, its arguments and
 * the caller alone, as every fetcher of this API does: one that read anything else of the
 * request (a header, the client's address) would have to be part of the key here. Sharing
 * skips the per-field instrumentation of the subscriptions that reuse an answer; the
 * per-event instrumentation still runs for each.
 */
@Configuration(proxyBeanMethods = false)
class SharedSubscriptionEvents {

	/**
	 * The subscriptions whose last answer is kept: more distinct ones than this work out
	 * their own answers more often, never wrongly.
	 */
	private static final int KEPT = 10_000;

	@Bean
	GraphQlSourceBuilderCustomizer subscriptionStrategySharingAnswers(
			ObjectProvider<DataFetcherExceptionResolver> resolvers) {
		// the exception handler Boot gives the other strategies, made from the same
		// resolvers
		return builder -> builder.configureGraphQl(graphQl -> graphQl.subscriptionExecutionStrategy(
				new Strategy(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
	}

	/** graphql-java's subscription strategy, reusing an event's answer where it may. */
	static final class Strategy extends SubscriptionExecutionStrategy {

		/** Where a subscription keeps its key, in its GraphQL context, made once. */
		private static final String KEY = Strategy.class.getName() + ".key";

		private final Cache<Key, Answer> last = Caffeine.newBuilder().maximumSize(KEPT).build();

		Strategy(DataFetcherExceptionHandler handler) {
			super(handler);
		}

		/**
		 * Completes the subscribed field for one event: graphql-java calls this for every
		 * event of every subscription, and for nothing else.
		 */
		@Override
		protected FieldValueInfo completeField(ExecutionContext context, ExecutionStrategyParameters parameters,
				Object event) {
			if (event == null) {
				return super.completeField(context, parameters, event);
			}
			Key key = context.getGraphQLContext().computeIfAbsent(KEY, name -> Key.of(context, parameters));
			Answer answer = this.last.getIfPresent(key);
			if (answer != null && answer.reusableFor(event)) {
				return answer.value();
			}
			FieldValueInfo value = super.completeField(context, parameters, event);
			this.last.put(key, new Answer(event, value, parameters.getDeferredCallContext()));
			return value;
		}

	}

	/** An answer worked out for one event, and where its errors were gathered. */
	private record Answer(Object event, FieldValueInfo value, AlternativeCallContext call) {

		/** For the same event, complete, and without errors. */
		boolean reusableFor(Object other) {
			if (this.event != other && !this.event.equals(other)) {
				return false;
			}
			CompletableFuture<Object> future = this.value.getFieldValueFuture();
			return future.isDone() && !future.isCompletedExceptionally()
					&& (this.call == null || this.call.getErrors().isEmpty());
		}

	}

	/**
	 * What decides the answer to an event: the document and operation, the values of the
	 * variables used below the subscribed field, and the caller.
	 */
	private record Key(String document, String operation, Map<String, Object> variables, Object caller) {

		static Key of(ExecutionContext context, ExecutionStrategyParameters parameters) {
			// the very argument nodes: an equal argument further down is a use
			Set<Argument> rootArguments = Collections.newSetFromMap(new IdentityHashMap<>());
			for (Field field : parameters.getField().getFields()) {
				rootArguments.addAll(field.getArguments());
			}
			Set<String> used = new HashSet<>();
			variables(context.getOperationDefinition(), rootArguments, used);
			context.getFragmentsByName().values().forEach(fragment -> variables(fragment, rootArguments, used));
			Map<String, Object> values = new TreeMap<>();
			context.getCoercedVariables().toMap().forEach((name, value) -> {
				if (used.contains(name)) {
					values.put(name, value);
				}
			});
			return new Key(context.getExecutionInput().getQuery(), context.getExecutionInput().getOperationName(),
					values, caller(context.getGraphQLContext()));
		}

		/**
		 * The names of the variables referred to in {@code node}, but for those
		 * arguments.
		 */
		private static void variables(Node<?> node, Set<Argument> skipped, Set<String> names) {
			if (node instanceof Argument argument && skipped.contains(argument)) {
				return;
			}
			if (node instanceof VariableReference reference) {
				names.add(reference.getName());
			}
			for (Node<?> child : node.getChildren()) {
				variables(child, skipped, names);
			}
		}

		/**
		 * The caller as the data fetchers see it (its security context restored from the
		 * GraphQL context): principal and authorities, nothing when there is none.
		 */
		private static Object caller(GraphQLContext graphQl) {
			try (ContextSnapshot.Scope scope = ContextPropagationHelper.captureFrom(graphQl).setThreadLocals()) {
				Authentication caller = SecurityContextHolder.getContext().getAuthentication();
				if (caller == null) {
					return List.of();
				}
				Collection<? extends GrantedAuthority> granted = caller.getAuthorities();
				List<String> authorities = new ArrayList<>();
				granted.forEach(authority -> authorities.add(String.valueOf(authority.getAuthority())));
				authorities.sort(null);
				Object principal = caller.getPrincipal();
				return List.of(caller.getClass(), principal == null ? "" : principal, authorities);
			}
		}

	}

}
