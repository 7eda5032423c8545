package org.sanctionsgraph.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application with small request limits (depth 6, complexity 300, ...) so the
 * documents that test them stay readable; the classes carrying it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.limits.max-depth=6", "sanctions.limits.max-complexity=300",
				"sanctions.limits.max-document-chars=20000", "sanctions.limits.max-tokens=3000",
				"sanctions.limits.max-variables-chars=500", "sanctions.limits.max-body-bytes=30000",
				"sanctions.limits.batching=true", "sanctions.limits.anonymous-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
@interface SmallLimitsTest {

}
