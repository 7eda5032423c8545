package org.sanctionsgraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one application context the API tests share: the app on a random port with its
 * default settings, a known bootstrap admin key, no rate limit (the suites make hundreds
 * of requests from one address; rate limits have their own test) and each request's
 * MongoDB commands in the response's extensions. Classes carrying only this annotation
 * get the same cached context, so they must keep the seed story as it is: each test
 * writes records of its own with unique names and codes, or removes what it wrote.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + ApiTest.ADMIN_SECRET,
				"sanctions.limits.anonymous-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
@Import(RequestCommands.class)
public @interface ApiTest {

	/** The bootstrap admin key of the shared context. */
	String ADMIN_SECRET = "sgk_test-bootstrap-admin-secret-0123456789abcdef";

}
