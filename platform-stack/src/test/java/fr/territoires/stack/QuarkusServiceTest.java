package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarkusServiceTest {

    @Test
    void knowsTheOptionsOfTheRunningJvmOnly() {
        assertTrue(QuarkusService.knowsOption("UseSerialGC"));
        assertFalse(QuarkusService.knowsOption("NoSuchOptionInAnyJvm"));
    }

    @Test
    void trimsTheNativeHeapWhereTheJvmCan() {
        boolean trims = QuarkusService.JVM_OPTIONS.contains("-XX:TrimNativeHeapInterval=5000");
        assertEquals(QuarkusService.knowsOption("TrimNativeHeapInterval"), trims);
        // JDK 17.0.9 and later, 21 and later: the JDKs this project builds and runs on
        Runtime.Version v = Runtime.version();
        boolean recent = v.feature() >= 21 || v.feature() == 17 && v.update() >= 9;
        assertEquals(recent, trims, "TrimNativeHeapInterval on " + v);
    }

    @Test
    void launchesTheServiceWithThoseOptions(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jar = java.nio.file.Files.createFile(dir.resolve("quarkus-run.jar"));
        Component.Launch launch = new QuarkusService("territory-service", jar, 18081, Map.of()).prepare();
        assertEquals(QuarkusService.JVM_OPTIONS, launch.command().subList(1, 1 + QuarkusService.JVM_OPTIONS.size()));
        assertEquals("2", launch.env().get("MALLOC_ARENA_MAX"));
        assertEquals("18081", launch.env().get("QUARKUS_HTTP_PORT"));
    }

    @Test
    void aTestsOwnOptionsComeAfterTheServicesAndBeforeTheJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jar = java.nio.file.Files.createFile(dir.resolve("quarkus-run.jar"));
        List<String> command = new QuarkusService("gateway", jar, 18080, Map.of(), List.of("-XX:TieredStopAtLevel=1"))
                .prepare().command();
        int own = 1 + QuarkusService.JVM_OPTIONS.size();
        assertEquals(QuarkusService.JVM_OPTIONS, command.subList(1, own));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-jar", jar.toString()), command.subList(own, command.size()));
    }
}
