package org.guanjia.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production files (issue 10 point 6) say what the README promises: named volumes for the
 * data and the backups, the admin password and mail server only from the environment, and a
 * health check on the actuator's health endpoint (which KpiApiTest shows answering without
 * sign-in). Docker itself is not available to the tests.
 */
class DeploymentFilesTest {

    @SuppressWarnings("unchecked")
    @Test
    void compose_runs_the_app_with_named_volumes_a_health_check_and_no_secrets() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                .get("guanjia");
        assertThat((List<String>) app.get("volumes"))
                .containsExactlyInAnyOrder("guanjia-data:/data", "guanjia-backups:/backups");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("guanjia-data", "guanjia-backups");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat(env.get("GUANJIA_ADMIN_PASSWORD")).isEqualTo("${GUANJIA_ADMIN_PASSWORD:-}");
        assertThat(env.get("GUANJIA_MAIL_HOST")).isEqualTo("${GUANJIA_MAIL_HOST:-}");
        assertThat(env.get("GUANJIA_DB")).isEqualTo("/data/guanjia.duckdb");
        assertThat(env.get("GUANJIA_BACKUP_DIR")).isEqualTo("/backups");
        Map<String, Object> health = (Map<String, Object>) app.get("healthcheck");
        assertThat((List<String>) health.get("test"))
                .contains("http://localhost:8080/actuator/health");
    }

    /**
     * The build stage copies every folder the jar is built from: the pom's source folder and
     * each resource folder (sql/ and dashboards/ sit at the top level). Maven skips a missing
     * resource folder without a word, and a jar without sql/ fails at its first start (found
     * by building the image, 2026-11-30).
     */
    @Test
    void the_image_is_built_from_every_folder_the_pom_packages() throws Exception {
        String docker = Files.readString(Path.of("Dockerfile"));
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        org.w3c.dom.NodeList resources = pom.getElementsByTagName("resource");
        List<String> folders = new java.util.ArrayList<>();
        for (int i = 0; i < resources.getLength(); i++) {
            String dir = ((org.w3c.dom.Element) resources.item(i)).getElementsByTagName("directory")
                    .item(0).getTextContent().trim();
            folders.add(dir.contains("/") ? dir.substring(0, dir.indexOf('/')) : dir);
        }
        assertThat(folders).as("resource folders in pom.xml").contains("src", "sql", "dashboards");
        for (String folder : folders) {
            assertThat(docker).as("Dockerfile copies %s", folder)
                    .containsPattern("(?m)^COPY " + folder + " " + folder + "$");
        }
        assertThat(docker).containsPattern("(?m)^COPY pom.xml \\.$");
        // the build context leaves out what the image never needs (target/ is over a gigabyte)
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("target/", ".git/");
    }

    @Test
    void the_image_checks_the_same_health_endpoint_and_runs_as_a_plain_user() throws IOException {
        String docker = Files.readString(Path.of("Dockerfile"));
        assertThat(docker).contains("HEALTHCHECK").contains("curl -fsS http://localhost:8080/actuator/health")
                .contains("USER guanjia").contains("VOLUME [\"/data\", \"/backups\"]")
                .doesNotContain("GUANJIA_ADMIN_PASSWORD=");
    }

    /**
     * The image's entry point (a shell line, README "Page faults"): the server, started with no
     * arguments or only --settings, pre-touches its heap; a command (backup, restore) does not
     * wait for that. Run here with a stand-in java on the PATH that prints its arguments.
     */
    @Test
    void only_the_server_pre_touches_its_heap(@org.junit.jupiter.api.io.TempDir Path bin)
            throws Exception {
        String docker = Files.readString(Path.of("Dockerfile"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ENTRYPOINT (\\[.*\\])$")
                .matcher(docker);
        assertThat(m.find()).as("a one-line ENTRYPOINT in exec form").isTrue();
        List<String> entry = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(m.group(1), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        assertThat(entryPoint(entry, bin))
                .isEqualTo("-XX:SharedArchiveFile=/app/guanjia.jsa -XX:InitialRAMPercentage=20"
                        + " -XX:MaxRAMPercentage=60 -XX:+AlwaysPreTouch -jar /app/guanjia.jar");
        assertThat(entryPoint(entry, bin, "--server.port=9090"))
                .contains("-XX:+AlwaysPreTouch").endsWith("/app/guanjia.jar --server.port=9090");
        assertThat(entryPoint(entry, bin, "backup", "--to", "/backups/a b"))
                .doesNotContain("AlwaysPreTouch").contains("-XX:InitialRAMPercentage=20")
                .endsWith("/app/guanjia.jar backup --to /backups/a b");
        assertThat(entryPoint(entry, bin, "restore", "/backups/x.duckdb"))
                .doesNotContain("AlwaysPreTouch").endsWith(" restore /backups/x.duckdb");
    }

    /** What the entry point runs with these arguments, with bin first on the PATH. */
    private static String entryPoint(List<String> entry, Path bin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(entry);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
