package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * An unexpected failure reaches the client as an opaque error; the server log keeps the
 * cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ExtendWith(OutputCaptureExtension.class)
class OpaqueErrorTests {

	private static final String SECRET = "mongodb://admin:hunter2-s3cret@db.internal:27017";

	@MockitoBean
	PartyCodes codes;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theClientSeesNeitherTheMessageNorAClassNameAndTheLogHasBoth(CapturedOutput output) {
		given(this.codes.find(any(), any())).willThrow(new IllegalStateException("connection failed: " + SECRET));
		String[] executionId = new String[1];
		this.graphQl.document("{ party(code: \"BY\") { name } }").execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
				assertThat(error.getMessage()).doesNotContain("hunter2")
					.doesNotContain("IllegalState")
					.doesNotContain("Exception")
					.doesNotContain("org.")
					.startsWith("INTERNAL_ERROR for ");
				assertThat(error.getExtensions().toString()).doesNotContain("hunter2").doesNotContain("Exception");
				executionId[0] = error.getMessage().substring("INTERNAL_ERROR for ".length());
			});
		});
		assertThat(output.getOut() + output.getErr()).contains(SECRET)
			.contains("IllegalStateException")
			.contains(executionId[0]);
	}

}
