package org.sanctionsgraph.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** GraphQL-shaped error bodies for requests refused before they reach GraphQL. */
public final class ErrorResponses {

	private ErrorResponses() {
	}

	public static void write(HttpServletResponse response, int status, String message, String classification)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\",\"extensions\":{\"classification\":\"" + classification + "\"}}]}");
	}

}
