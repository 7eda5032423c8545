package org.sanctionsgraph.graphql;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's instrumentations, chained so that the hooks run at every field and
 * object of an answer go only to the instrumentations that implement them. Spring for
 * GraphQL chains every instrumentation with graphql-java's
 * {@link ChainedInstrumentation}, which asks each one at every field for a context,
 * though none here gives one: that asking was a tenth of a small request's work. The
 * hooks run once per request are chained as before. The chain is made of the
 * application's {@code Instrumentation} beans, the list Spring Boot hands Spring for
 * GraphQL: an instrumentation added to the builder by other means would be left out.
 */
@Configuration(proxyBeanMethods = false)
class PerFieldHooks {

	@Bean
	GraphQlSourceBuilderCustomizer instrumentationsAskedOnlyForTheHooksTheyImplement(
			ObjectProvider<Instrumentation> instrumentations) {
		return builder -> builder.configureGraphQl(graphQl -> {
			List<Instrumentation> all = instrumentations.orderedStream().toList();
			if (!all.isEmpty()) {
				graphQl.instrumentation(new Chain(all));
			}
		});
	}

	/** A chain that skips the per-field hooks no instrumentation in it implements. */
	static final class Chain extends ChainedInstrumentation {

		private final boolean executionStrategy;

		private final boolean executeObject;

		private final boolean deferredField;

		private final boolean fieldExecution;

		private final boolean fieldFetching;

		private final boolean fieldCompletion;

		private final boolean fieldListCompletion;

		private final boolean dataFetcher;

		Chain(List<Instrumentation> instrumentations) {
			super(instrumentations);
			this.executionStrategy = implemented(instrumentations, "beginExecutionStrategy",
					InstrumentationExecutionStrategyParameters.class);
			this.executeObject = implemented(instrumentations, "beginExecuteObject",
					InstrumentationExecutionStrategyParameters.class);
			this.deferredField = implemented(instrumentations, "beginDeferredField",
					InstrumentationFieldParameters.class);
			this.fieldExecution = implemented(instrumentations, "beginFieldExecution",
					InstrumentationFieldParameters.class);
			this.fieldFetching = implemented(instrumentations, "beginFieldFetching",
					InstrumentationFieldFetchParameters.class)
					|| implemented(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
			this.fieldCompletion = implemented(instrumentations, "beginFieldCompletion",
					InstrumentationFieldCompleteParameters.class);
			this.fieldListCompletion = implemented(instrumentations, "beginFieldListCompletion",
					InstrumentationFieldCompleteParameters.class);
			this.dataFetcher = implemented(instrumentations, "instrumentDataFetcher", DataFetcher.class,
					InstrumentationFieldFetchParameters.class);
		}

		/**
		 * Whether any of the instrumentations implements the hook: declares it in its own
		 * class or a superclass of its own, rather than inheriting graphql-java's
		 * default, which gives a context that does nothing (as the chain does in its
		 * place).
		 */
		static boolean implemented(List<Instrumentation> instrumentations, String hook, Class<?>... parameters) {
			Class<?>[] types = Arrays.copyOf(parameters, parameters.length + 1);
			types[parameters.length] = InstrumentationState.class;
			for (Instrumentation instrumentation : instrumentations) {
				Method method;
				try {
					method = instrumentation.getClass().getMethod(hook, types);
				}
				catch (NoSuchMethodException ex) {
					// every hook named here is graphql-java's: any other name or
					// signature would turn its hook off without a word
					throw new IllegalStateException("graphql-java has no instrumentation hook " + hook, ex);
				}
				Class<?> declaredBy = method.getDeclaringClass();
				if (declaredBy != Instrumentation.class && declaredBy != SimplePerformantInstrumentation.class) {
					return true;
				}
			}
			return false;
		}

		@Override
		public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
				InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
			return this.executionStrategy ? super.beginExecutionStrategy(parameters, state)
					: ExecutionStrategyInstrumentationContext.NOOP;
		}

		@Override
		public ExecuteObjectInstrumentationContext beginExecuteObject(
				InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
			return this.executeObject ? super.beginExecuteObject(parameters, state)
					: ExecuteObjectInstrumentationContext.NOOP;
		}

		@Override
		public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			return this.deferredField ? super.beginDeferredField(parameters, state)
					: SimpleInstrumentationContext.noOp();
		}

		@Override
		public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			return this.fieldExecution ? super.beginFieldExecution(parameters, state)
					: SimpleInstrumentationContext.noOp();
		}

		@Override
		public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			return this.fieldFetching ? super.beginFieldFetching(parameters, state)
					: FieldFetchingInstrumentationContext.NOOP;
		}

		@Override
		public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
				InstrumentationState state) {
			return this.fieldCompletion ? super.beginFieldCompletion(parameters, state)
					: SimpleInstrumentationContext.noOp();
		}

		@Override
		public InstrumentationContext<Object> beginFieldListCompletion(
				InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
			return this.fieldListCompletion ? super.beginFieldListCompletion(parameters, state)
					: SimpleInstrumentationContext.noOp();
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			return this.dataFetcher ? super.instrumentDataFetcher(dataFetcher, parameters, state) : dataFetcher;
		}

	}

}
