package org.sanctionsgraph.db;

import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.model.FuzzyDate;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Stores a {@link FuzzyDate} as its plain ISO text ("2021-06"), readable in the shell and
 * the seed file, and registers the converters features contribute
 * ({@link StoreConverter}).
 */
@Configuration(proxyBeanMethods = false)
public class MongoMappingConfiguration {

	@Bean
	MongoCustomConversions mongoCustomConversions(List<StoreConverter> contributed) {
		List<Object> converters = new ArrayList<>(List.of(new FuzzyDateWriter(), new FuzzyDateReader()));
		converters.addAll(contributed);
		return new MongoCustomConversions(converters);
	}

	/**
	 * No application events per document read or written: nothing here listens to them,
	 * and a page of 50 measures would publish 100 of them.
	 */
	@Bean
	static BeanPostProcessor quietMongoTemplate() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof MongoTemplate template) {
					template.setEntityLifecycleEventsEnabled(false);
				}
				return bean;
			}

		};
	}

	@WritingConverter
	public static class FuzzyDateWriter implements Converter<FuzzyDate, String> {

		@Override
		public String convert(FuzzyDate source) {
			return source.value();
		}

	}

	@ReadingConverter
	public static class FuzzyDateReader implements Converter<String, FuzzyDate> {

		@Override
		public FuzzyDate convert(String source) {
			return new FuzzyDate(source);
		}

	}

}
