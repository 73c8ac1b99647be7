package org.xietong.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xietong.devstack.postgres.PostgresLauncher;
import org.xietong.devstack.postgres.RunningPostgres;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostgresLauncherTest {

    @Test
    void keepsDataAndUtf8TextAcrossARestart(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        try (RunningPostgres pg = PostgresLauncher.start(data, port, false)) {
            pg.ensureDatabase("pairing", "pairing", "secret");
            pg.ensureDatabase("pairing", "pairing", "secret");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("pairing"), "pairing", "secret");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE school (name text)");
                s.execute("INSERT INTO school VALUES ('密云区穆家峪中学')");
            }
        }
        try (RunningPostgres pg = PostgresLauncher.start(data, port, false);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("pairing"), "pairing", "secret");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM school")) {
            rs.next();
            assertEquals("密云区穆家峪中学", rs.getString(1));
        }
    }

    @Test
    void listensOnLoopbackAlone(@TempDir Path dir) throws Exception {
        try (RunningPostgres pg = PostgresLauncher.start(dir.resolve("data"), freePort(), true)) {
            pg.ensureDatabase("pairing", "pairing", "secret");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("pairing"), "pairing", "secret");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertEquals("127.0.0.1", rs.getString(1));
            }
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
