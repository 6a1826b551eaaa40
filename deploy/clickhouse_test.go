package deploy

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/store"
)

// TestClickHouseUsersOnLocalServer starts the local ClickHouse server with
// deploy/clickhouse/users.d/vigie.xml merged into a stock users.xml, the
// passwords in the variables entrypoint.sh exports, and checks the users
// the containers rely on: the writer migrates and writes, the reader reads
// and cannot write, a wrong password is refused. The local server is 18.16,
// which predates settings constraints: the <constraints> block (for
// Grafana's max_execution_time, on the compose file's 25.8) is removed for
// it, and only for it.
func TestClickHouseUsersOnLocalServer(t *testing.T) {
	e := setup(t)
	bin, err := exec.LookPath("clickhouse-server")
	if err != nil {
		if bin, err = exec.LookPath("/usr/sbin/clickhouse-server"); err != nil {
			t.Fatal("no clickhouse-server installed: apt-get install clickhouse-server (make test does it)")
		}
	}
	p := loadProject(t, e.root, nil)
	users, err := os.ReadFile(filepath.Join(e.root, "deploy/clickhouse/users.d/vigie.xml"))
	if err != nil {
		t.Fatal(err)
	}
	constraints := regexp.MustCompile(`(?s)<constraints>.*?</constraints>`)
	if !constraints.Match(users) {
		t.Error("users.d/vigie.xml: the readonly profile lets Grafana set max_execution_time no more")
	}
	users = constraints.ReplaceAll(users, nil)

	dir := t.TempDir()
	tcp, httpPort := freePort(t), freePort(t)
	files := map[string]string{
		"config.xml": fmt.Sprintf(`<?xml version="1.0"?>
<clickhouse>
    <logger><level>warning</level><console>1</console></logger>
    <listen_host>127.0.0.1</listen_host>
    <tcp_port>%s</tcp_port>
    <http_port>%s</http_port>
    <path>%[3]s/data/</path>
    <tmp_path>%[3]s/tmp/</tmp_path>
    <user_files_path>%[3]s/user_files/</user_files_path>
    <format_schema_path>%[3]s/format_schemas/</format_schema_path>
    <users_config>%[3]s/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>268435456</mark_cache_size>
</clickhouse>
`, tcp, httpPort, dir),
		// The stock users.xml of the packages, reduced to what matters here.
		"users.xml": `<?xml version="1.0"?>
<clickhouse>
    <profiles><default></default><readonly><readonly>1</readonly></readonly></profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>::/0</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
        <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</clickhouse>
`,
		"users.d/vigie.xml": string(users),
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writerPW, readerPW := randomToken(t), randomToken(t)
	srv := startChild(t, "clickhouse-server", bin, []string{"--config-file=" + filepath.Join(dir, "config.xml")}, []string{
		"PATH=" + os.Getenv("PATH"),
		"VIGIE_CH_WRITER_PASSWORD=" + writerPW,
		"VIGIE_CH_READER_PASSWORD=" + readerPW,
	})
	defer func() {
		srv.signal(t, syscall.SIGTERM)
		srv.wait(t, 30*time.Second)
	}()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	addr := "127.0.0.1:" + tcp
	db := p.dotenv["VIGIE_DATABASE"]
	writer := store.Config{Addr: addr, Database: db, User: p.dotenv["CLICKHOUSE_WRITER_USER"], Password: writerPW}
	reader := store.Config{Addr: addr, Database: db, User: p.dotenv["CLICKHOUSE_READER_USER"], Password: readerPW}

	// The writer applies Vigie's migrations (CREATE DATABASE, tables).
	var migErr error
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if srv.exited() {
			t.Fatalf("clickhouse-server exited:\n%s", srv.output())
		}
		if _, migErr = store.Migrate(ctx, writer); migErr == nil {
			break
		}
	}
	if migErr != nil {
		t.Fatalf("migrate as %s: %v\n%s", writer.User, migErr, srv.output())
	}
	w, err := store.Open(ctx, writer)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	// The reader reads, and every write is refused.
	r, err := store.Open(ctx, reader)
	if err != nil {
		t.Fatalf("open as %s: %v", reader.User, err)
	}
	defer r.Close()
	if _, err := r.Totals(ctx); err != nil {
		t.Errorf("reader counts posts: %v", err)
	}
	for _, q := range []string{
		"CREATE TABLE vigie_deploy_test (a UInt8) ENGINE = Memory",
		"INSERT INTO posts (post_key) SELECT 'x'",
		"DROP TABLE posts",
	} {
		err := r.QueryTSV(ctx, q, func([]string) error { return nil })
		if err == nil || !strings.Contains(strings.ToLower(err.Error()), "readonly") {
			t.Errorf("reader ran %q: %v, want a readonly refusal", q, err)
		}
	}
	if n, err := w.Totals(ctx); err != nil || n.Posts != 0 {
		t.Errorf("posts after the reader's attempts: %+v, %v", n, err)
	}

	// Wrong passwords are refused, for both users.
	for _, c := range []store.Config{writer, reader} {
		c.Password += "x"
		if bad, err := store.Open(ctx, c); err == nil {
			bad.Close()
			t.Errorf("%s accepted a wrong password", c.User)
		}
	}
}

// TestClickHouseEntrypointExportsSecrets runs deploy/clickhouse/entrypoint.sh
// with its paths moved into a temp dir: it exports both passwords from the
// secret files to the image's entrypoint, and refuses an empty secret.
func TestClickHouseEntrypointExportsSecrets(t *testing.T) {
	e := setup(t)
	script, err := os.ReadFile(filepath.Join(e.root, "deploy/clickhouse/entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	secrets := filepath.Join(dir, "secrets")
	if err := os.Mkdir(secrets, 0o755); err != nil {
		t.Fatal(err)
	}
	// The image's entrypoint, replaced by one that shows what it received.
	fake := filepath.Join(dir, "entrypoint.sh")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho \"args=$*\"\necho \"writer=$VIGIE_CH_WRITER_PASSWORD\"\necho \"reader=$VIGIE_CH_READER_PASSWORD\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(script), "/run/secrets/", secrets+"/")
	s = strings.ReplaceAll(s, "exec /entrypoint.sh", "exec "+fake)
	if s == string(script) {
		t.Fatal("entrypoint.sh reads no /run/secrets file")
	}
	moved := filepath.Join(dir, "vigie-entrypoint.sh")
	if err := os.WriteFile(moved, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func() (string, error) {
		cmd := exec.Command("sh", moved, "--", "--listen_host=::")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	write := func(name, v string) {
		if err := os.WriteFile(filepath.Join(secrets, name), []byte(v), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("clickhouse_password", "w-secret\n")
	write("clickhouse_read_password", "")
	if out, err := run(); err == nil || !strings.Contains(out, "clickhouse_read_password") || strings.Contains(out, "w-secret") {
		t.Errorf("empty reader secret: err %v, output %q; want a refusal naming the file, no secret", err, out)
	}
	write("clickhouse_read_password", "r-secret")
	out, err := run()
	if err != nil {
		t.Fatalf("entrypoint.sh: %v\n%s", err, out)
	}
	for _, want := range []string{"args=-- --listen_host=::", "writer=w-secret\n", "reader=r-secret\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("entrypoint.sh handed over %q, want %q in it", out, want)
		}
	}
}
