package org.sanctionsgraph.limits;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every HTTP error the filters did not already answer (an unknown path, a method or media
 * type a route does not take, a body Spring could not read, a failure) gets the
 * transport's JSON error body ({@link HttpTransport#write}) saying what to send instead,
 * in place of Spring Boot's default error page. Nothing of the failure itself is shown.
 * (The error dispatch no longer knows the request's method, hence "this method".)
 */
@Controller
class HttpErrors implements ErrorController {

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String text ? text : request.getRequestURI();
		String allowed = response.getHeader(HttpHeaders.ALLOW);
		String api = "the API answers GraphQL at POST " + HttpTransport.PATH
				+ " (queries also by GET ?query=...), its console is /graphiql";
		String message = switch (status) {
			case 404 -> "Nothing is served at '" + path + "': " + api;
			case 405 -> "This method is not accepted at '" + path + "'"
					+ (allowed == null ? "" : ": send " + String.join(" or ", allowed.split(",\\s*")));
			case 406 -> "No answer in a media type the Accept header allows: ask for application/json or "
					+ HttpTransport.GRAPHQL_RESPONSE;
			case 415 -> "This media type is not accepted at '" + path + "': " + GraphQlBodies.EXAMPLE;
			case 400 -> "The request could not be read: " + GraphQlBodies.EXAMPLE;
			default -> status >= 500 ? "The request failed on the server; retry later"
					: "The request was refused (HTTP " + status + "): " + api;
		};
		HttpTransport.write(response, status, message,
				status == 404 ? "NOT_FOUND" : status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
	}

}
