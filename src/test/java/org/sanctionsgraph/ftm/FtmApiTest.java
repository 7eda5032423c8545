package org.sanctionsgraph.ftm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.sanctionsgraph.ApiTest;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The API with the shared context's settings in a context of its own: the import tests
 * add people of Belarus, which the shared context's scenarios must not see.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + ApiTest.ADMIN_SECRET,
				"sanctions.limits.anonymous-per-minute=1000000", "sanctions.import.progress-interval=5s" })
@AutoConfigureHttpGraphQlTester
@interface FtmApiTest {

}
