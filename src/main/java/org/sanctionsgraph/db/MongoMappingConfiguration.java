package org.sanctionsgraph.db;

import java.util.List;

import org.sanctionsgraph.model.FuzzyDate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Stores a {@link FuzzyDate} as its plain ISO text ("2021-06"), readable in the shell and the seed file. */
@Configuration(proxyBeanMethods = false)
class MongoMappingConfiguration {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(List.of(new FuzzyDateWriter(), new FuzzyDateReader()));
	}

	@WritingConverter
	static class FuzzyDateWriter implements Converter<FuzzyDate, String> {

		@Override
		public String convert(FuzzyDate source) {
			return source.value();
		}

	}

	@ReadingConverter
	static class FuzzyDateReader implements Converter<String, FuzzyDate> {

		@Override
		public FuzzyDate convert(String source) {
			return new FuzzyDate(source);
		}

	}

}
