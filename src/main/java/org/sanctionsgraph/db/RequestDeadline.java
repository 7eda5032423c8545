package org.sanctionsgraph.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The deadline of the request the current thread serves, shared by all of its MongoDB
 * operations: each one gets the time the request has left (the driver's client-side
 * operation timeout), not a full time limit of its own. Outside a request, operations
 * keep the client-wide limit.
 */
@Configuration(proxyBeanMethods = false)
public class RequestDeadline {

	private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

	/**
	 * Sets the current thread's deadline; returns the one it replaces, for
	 * {@link #restore}.
	 */
	public static Instant set(Instant deadline) {
		Instant previous = DEADLINE.get();
		DEADLINE.set(deadline);
		return previous;
	}

	public static void restore(Instant previous) {
		if (previous == null) {
			DEADLINE.remove();
		}
		else {
			DEADLINE.set(previous);
		}
	}

	/** The current thread's deadline, or null outside a request. */
	public static Instant current() {
		return DEADLINE.get();
	}

	@Bean
	static BeanPostProcessor requestDeadlineDatabases(ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof MongoDatabaseFactory factory && !(bean instanceof Bounded)
						? new Bounded(factory, clock) : bean;
			}

		};
	}

	/**
	 * Hands out databases whose operations carry the time the current request has left.
	 */
	record Bounded(MongoDatabaseFactory factory, ObjectProvider<Clock> clock) implements MongoDatabaseFactory {

		private MongoDatabase bounded(MongoDatabase database) {
			Instant deadline = DEADLINE.get();
			if (deadline == null) {
				return database;
			}
			// at least 1 ms: a timeout of 0 would mean no limit at all
			long left = Math.max(1, Duration.between(this.clock.getObject().instant(), deadline).toMillis());
			return database.withTimeout(left, TimeUnit.MILLISECONDS);
		}

		@Override
		public MongoDatabase getMongoDatabase() {
			return bounded(this.factory.getMongoDatabase());
		}

		@Override
		public MongoDatabase getMongoDatabase(String name) {
			return bounded(this.factory.getMongoDatabase(name));
		}

		@Override
		public PersistenceExceptionTranslator getExceptionTranslator() {
			return this.factory.getExceptionTranslator();
		}

		@Override
		public ClientSession getSession(ClientSessionOptions options) {
			return this.factory.getSession(options);
		}

		@Override
		public MongoDatabaseFactory withSession(ClientSession session) {
			return new Bounded(this.factory.withSession(session), this.clock);
		}

		@Override
		public boolean isTransactionActive() {
			return this.factory.isTransactionActive();
		}

	}

}
