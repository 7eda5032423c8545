package org.sanctionsgraph.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console at {@code /graphiql}: GraphiQL served entirely by the app (its page, script
 * and style, and GraphiQL and React from WebJars), unless
 * {@code sanctions.console.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ConsoleProperties console;

	WebConfiguration(ConsoleProperties console) {
		this.console = console;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		if (this.console.enabled()) {
			registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
		}
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		if (this.console.enabled()) {
			registry.addResourceHandler("/graphiql/**").addResourceLocations("classpath:/console/");
		}
	}

}
