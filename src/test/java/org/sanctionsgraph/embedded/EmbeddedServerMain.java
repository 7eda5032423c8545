package org.sanctionsgraph.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Test helper (not a test): the embedded server alone, on a data file opened as the app
 * opens it, for tests that kill it. Prints {@code listening on PORT} once it accepts
 * connections, then serves until the process ends. Usage: EmbeddedServerMain DATA_FILE
 */
public final class EmbeddedServerMain {

	static final String READY = "listening on ";

	private EmbeddedServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		MongoServer server = new MongoServer(IndexedH2Backend.open(Path.of(args[0]), 16));
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		System.out.println(READY + address.getPort());
		System.out.flush();
		// serve until killed: nothing counts this down
		new CountDownLatch(1).await();
	}

}
