# Build stage: the Maven wrapper builds the jar (tests run in CI, not in the image build).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY schema schema
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/sanctions-graph-*.jar /src/app.jar

# Runtime stage: a JRE and the jar, run as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 sanctions
WORKDIR /app
COPY --from=build /src/app.jar app.jar
USER sanctions
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
