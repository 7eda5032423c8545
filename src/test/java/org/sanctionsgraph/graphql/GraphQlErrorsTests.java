package org.sanctionsgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoOperationTimeoutException;
import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLNonNull;
import graphql.Scalars;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.UncategorizedMongoDbException;

class GraphQlErrorsTests {

	private final GraphQlErrors errors = new GraphQlErrors();

	private final DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
		.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
			.type(GraphQLNonNull.nonNull(Scalars.GraphQLString))
			.path(ResultPath.rootPath())
			.build())
		.mergedField(graphql.execution.MergedField.newMergedField(new Field("party")).build())
		.build();

	@Test
	void aDatabaseOperationPastTheTimeLimitIsATimeoutNotAnInternalError() {
		GraphQLError error = this.errors.resolveToSingleError(new UncategorizedMongoDbException("Operation exceeded",
				new MongoOperationTimeoutException("Timeout while receiving message")), this.env);
		assertThat(error.getErrorType().toString()).isEqualTo("TIMEOUT");
		assertThat(error.getMessage()).doesNotContain("Timeout while receiving message");
	}

	@Test
	void anythingElseIsLeftToTheOpaqueDefault() {
		assertThat(this.errors.resolveToSingleError(new IllegalStateException("secret"), this.env)).isNull();
	}

}
