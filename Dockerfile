# Build the production jar (frontend bundle included), then run it on a JRE, extracted and with
# a class-data-sharing archive: it starts in about 11 s instead of 16 s on 2 cores, plus about
# 2 s per GB for the pre-touched starting heap below (19 s in all with 24 GB of memory).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
# the KPI views and the dashboards are resources of the jar too (pom.xml): without them Maven
# builds a jar that stops at its first start ("/sql/common.sql is not on the classpath")
COPY sql sql
COPY dashboards dashboards
RUN mvn -B -Pproduction -DskipTests package

FROM eclipse-temurin:17-jre
# Chinese fonts for the generated PDFs; curl for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/guanjia.jar /tmp/guanjia.jar
RUN java -Djarmode=tools -jar /tmp/guanjia.jar extract --destination /app \
 && rm /tmp/guanjia.jar \
 && GUANJIA_DB=/tmp/training.duckdb java -XX:ArchiveClassesAtExit=/app/guanjia.jsa \
      -Dspring.context.exit=onRefresh -jar /app/guanjia.jar \
 && rm -f /tmp/training.duckdb* \
 && useradd --system --home /app guanjia && mkdir -p /data /backups && chown guanjia /data /backups
USER guanjia
ENV GUANJIA_DB=/data/guanjia.duckdb GUANJIA_BACKUP_DIR=/backups
# Memory pages kept instead of faulted in again by every query (README "Page faults",
# docs/performance.md "Page faults"): DuckDB's allocator keeps the pages a query freed for 10 s
# (its own decay hands them back between two queries), and the JVM touches its starting heap,
# a fifth of the memory, once at start (about 2 s per GB on a small virtual machine). At
# 500,000 units kpi-bench had no query over 300 ms in 14 of 19 runs with both, in 1 of 14
# without.
ENV DUCKDB_JE_MALLOC_CONF=dirty_decay_ms:10000,muzzy_decay_ms:10000
VOLUME ["/data", "/backups"]
EXPOSE 8080
# /actuator/health answers {"status":"UP"} once the database is open (no sign-in, no details)
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# The server (no arguments, or only --settings) pre-touches its heap; a command run in the image
# (backup, restore, ...) does not wait for that.
ENTRYPOINT ["sh", "-c", "case \"$1\" in ''|-*) touch=-XX:+AlwaysPreTouch ;; *) touch= ;; esac; exec java -XX:SharedArchiveFile=/app/guanjia.jsa -XX:InitialRAMPercentage=20 -XX:MaxRAMPercentage=60 $touch -jar /app/guanjia.jar \"$@\"", "guanjia"]
