package org.sanctionsgraph.db;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the app talks to a configured MongoDB ({@code spring.mongodb.uri}, Boot's own
 * setting, says which).
 *
 * @param serverSelectionTimeout How long to wait for a configured MongoDB before failing
 * start-up (or an operation) with the driver's error.
 */
@ConfigurationProperties("sanctions.mongodb")
@Validated
public record MongoDbProperties(@DefaultValue("5s") @DurationMin(millis = 1) Duration serverSelectionTimeout) {

}
