package org.sanctionsgraph.graphql;

/**
 * A client sent an argument the API cannot accept; reported as BAD_REQUEST naming the
 * argument.
 */
public class BadArgumentException extends RuntimeException {

	private final String argument;

	public BadArgumentException(String argument, String problem) {
		super("Invalid argument '" + argument + "': " + problem);
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

}
