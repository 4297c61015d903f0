# Build the production jar (frontend bundle included), then run it on a slim JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
RUN mvn -B -Pproduction -DskipTests package && cp target/guanjia-*.jar /guanjia.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app guanjia && mkdir -p /data && chown guanjia /data
COPY --from=build /guanjia.jar /app/guanjia.jar
USER guanjia
ENV GUANJIA_DB=/data/guanjia.duckdb
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/guanjia.jar"]
