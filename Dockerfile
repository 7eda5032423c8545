# Build stage: the Maven wrapper builds the jar (tests run in CI, not in the image build).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY schema schema
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/sanctions-graph-*.jar /src/app.jar \
    && java -Djarmode=tools -jar /src/app.jar extract --destination /src/extracted

# Runtime stage: a JRE and the jar, run as an unprivileged user that can write to one directory
# only, the data directory (the search index, and the embedded store when no MongoDB is configured).
# It is a volume, so the data outlives the container; Docker copies the directory's ownership into a
# new named volume, so the user can write there. The jar and /app stay root's and read-only to it.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin sanctions \
    && mkdir -p /var/lib/sanctions \
    && chown sanctions:sanctions /var/lib/sanctions
ENV SANCTIONS_DATA_DIR=/var/lib/sanctions
WORKDIR /app
COPY --from=build /src/extracted /app/extracted
# Class data sharing (CDS), with the extracted jar, halves the start: one training run of the extracted jar (a thin jar and
# lib/) on a throwaway data directory, stopped once its context is up, writes the classes it loaded
# to an archive that every start maps instead of loading them again (bench/start-benchmark.sh
# measures it; docs/running.md). The archive records the class path as given, so the training run
# names the jar exactly as the entry point does; a missing archive fails the build.
RUN SANCTIONS_DATA_DIR=/tmp/cds-training java -XX:ArchiveClassesAtExit=/app/extracted/app.jsa \
        -Dspring.context.exit=onRefresh -jar /app/extracted/app.jar --sanctions.seed.enabled=false \
    && test -s /app/extracted/app.jsa \
    && rm -rf /tmp/cds-training /tmp/tomcat*
USER sanctions
VOLUME /var/lib/sanctions
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/extracted/app.jsa", "-Xlog:cds=off", "-jar", "/app/extracted/app.jar"]
