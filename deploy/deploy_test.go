// Package deploy holds the production deployment files' tests: there is no
// Docker engine where the tests run, so docker-compose.yml, the Dockerfile,
// .env.example and the configs under deploy/ are checked by reading them and
// by running the same vigie binary with the same environment locally
// (stages_test.go).
package deploy

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/vigie-edu/vigie/ingest/bluesky"
	"github.com/vigie-edu/vigie/ingest/mastodon"
	"github.com/vigie-edu/vigie/ingest/xapi"
)

// The build command of the Dockerfile; TestMain builds the test binary the
// same way, so the tests run what the image would contain.
const dockerGoBuild = `go build -trimpath -ldflags "-s -w" -o /out/vigie ./cmd/vigie`

// pendingFlags are flags the compose file uses that other work is adding to
// the binary. While a binary lacks one, the checks that need it log instead
// of failing; once it exists, it is checked like any other flag.
var pendingFlags = map[string]string{}

// env is what TestMain prepared for every test.
type env struct {
	root    string              // the repository
	bin     string              // vigie built like the Dockerfile builds it
	subcmds []string            // vigie's subcommands
	flags   map[string][]string // subcommand -> flag names
	err     error
}

// testEnv is set once by TestMain, before any test runs, and only read after.
var testEnv env

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "vigie-deploy-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	testEnv = prepare(tmp)
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

func prepare(tmp string) env {
	root, err := filepath.Abs("..")
	if err != nil {
		return env{err: err}
	}
	e := env{root: root, bin: filepath.Join(tmp, "vigie"), flags: map[string][]string{}}
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", e.bin, "./cmd/vigie")
	build.Dir = root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		e.err = fmt.Errorf("go build ./cmd/vigie: %v\n%s", err, out)
		return e
	}
	out, err := exec.Command(e.bin, "--help").CombinedOutput()
	if err != nil {
		e.err = fmt.Errorf("vigie --help: %v\n%s", err, out)
		return e
	}
	e.subcmds = parseSubcommands(string(out))
	if len(e.subcmds) == 0 {
		e.err = fmt.Errorf("vigie --help lists no subcommand:\n%s", out)
		return e
	}
	for _, c := range e.subcmds {
		out, err := exec.Command(e.bin, c, "--help").CombinedOutput()
		if err != nil {
			e.err = fmt.Errorf("vigie %s --help: %v\n%s", c, err, out)
			return e
		}
		e.flags[c] = parseFlags(string(out))
	}
	return e
}

func setup(t *testing.T) env {
	t.Helper()
	if testEnv.err != nil {
		t.Fatal(testEnv.err)
	}
	return testEnv
}

// parseSubcommands reads the SUBCOMMANDS section of `vigie --help`.
func parseSubcommands(help string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(help, "\n") {
		switch {
		case strings.TrimSpace(line) == "SUBCOMMANDS":
			in = true
		case in && strings.TrimSpace(line) == "":
			if len(out) > 0 {
				return out
			}
		case in && strings.HasPrefix(line, "  "):
			out = append(out, strings.Fields(line)[0])
		case in:
			return out
		}
	}
	return out
}

var flagLine = regexp.MustCompile(`^\s+-([A-Za-z0-9][A-Za-z0-9-]*)\b`)

// parseFlags reads the flag names of `vigie CMD --help`.
func parseFlags(help string) []string {
	var out []string
	for _, line := range strings.Split(help, "\n") {
		if m := flagLine.FindStringSubmatch(line); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// envName is the variable ff reads for a flag: VIGIE_ + upper, '-' as '_'.
func envName(flag string) string {
	return "VIGIE_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

func (e env) hasFlag(cmd, flag string) bool { return slices.Contains(e.flags[cmd], flag) }

// flagOfEnv returns the flag of cmd read from the variable name, if any.
func (e env) flagOfEnv(cmd, name string) (string, bool) {
	for _, f := range e.flags[cmd] {
		if envName(f) == name {
			return f, true
		}
	}
	return "", false
}

// pendingFlagOf reports whether name is the variable of a pending flag that
// no command has yet.
func (e env) pendingFlagOf(name string) (string, bool) {
	for f := range pendingFlags {
		if envName(f) != name {
			continue
		}
		for _, fl := range e.flags {
			if slices.Contains(fl, f) {
				return "", false
			}
		}
		return f, true
	}
	return "", false
}

// ---- docker-compose.yml ------------------------------------------------------

type composeFile struct {
	Name     string                    `yaml:"name"`
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
	Secrets  map[string]struct {
		File string `yaml:"file"`
	} `yaml:"secrets"`
}

type composeService struct {
	Image          string                                `yaml:"image"`
	Build          any                                   `yaml:"build"`
	Command        stringList                            `yaml:"command"`
	Entrypoint     stringList                            `yaml:"entrypoint"`
	Restart        string                                `yaml:"restart"`
	Environment    map[string]string                     `yaml:"environment"`
	DependsOn      map[string]struct{ Condition string } `yaml:"depends_on"`
	Healthcheck    *healthcheck                          `yaml:"healthcheck"`
	Volumes        []string                              `yaml:"volumes"`
	Secrets        []string                              `yaml:"secrets"`
	Profiles       []string                              `yaml:"profiles"`
	Ports          []string                              `yaml:"ports"`
	XVigieCommands []string                              `yaml:"x-vigie-commands"`
}

type healthcheck struct {
	Test    stringList `yaml:"test"`
	Disable bool       `yaml:"disable"`
}

// stringList accepts a YAML string or a list of strings.
type stringList []string

func (s *stringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = stringList{n.Value}
		return nil
	}
	var l []string
	if err := n.Decode(&l); err != nil {
		return err
	}
	*s = l
	return nil
}

// project is docker-compose.yml with .env.example, as Compose sees it.
type project struct {
	raw      []byte
	file     composeFile
	dotenv   map[string]string // .env.example
	dotorder []string
	used     map[string]bool // variables docker-compose.yml references
}

func loadProject(t *testing.T, root string, override map[string]string) project {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(root, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var p project
	p.raw = raw
	if err := yaml.Unmarshal(raw, &p.file); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	p.dotenv, p.dotorder = readDotenv(t, filepath.Join(root, ".env.example"))
	for k, v := range override {
		p.dotenv[k] = v
	}
	p.used = map[string]bool{}
	if _, err := interpolate(string(raw), p.dotenv, p.used); err != nil {
		t.Fatalf("docker-compose.yml with .env.example: %v", err)
	}
	return p
}

// readDotenv reads KEY=VALUE lines the way Compose reads .env (plain values,
// optional surrounding quotes, # comment lines).
func readDotenv(t *testing.T, path string) (map[string]string, []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vals := map[string]string{}
	var order []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || !regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`).MatchString(k) {
			t.Fatalf("%s:%d: not KEY=VALUE: %q", path, n, line)
		}
		if strings.Contains(v, " #") {
			t.Errorf("%s:%d: a comment after a value is not read the same by every Compose version", path, n)
		}
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		if _, dup := vals[k]; dup {
			t.Errorf("%s:%d: %s set twice", path, n, k)
		}
		vals[k] = v
		order = append(order, k)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return vals, order
}

var varRef = regexp.MustCompile(`\$\$|\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// interpolate applies Compose's variable syntax: $$, $VAR, ${VAR},
// ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error},
// ${VAR:+alt}, ${VAR+alt}. Names it meets are added to used.
func interpolate(s string, vars map[string]string, used map[string]bool) (string, error) {
	var firstErr error
	out := varRef.ReplaceAllStringFunc(s, func(m string) string {
		if m == "$$" {
			return "$"
		}
		sub := varRef.FindStringSubmatch(m)
		if sub[2] != "" {
			used[sub[2]] = true
			return vars[sub[2]]
		}
		expr := sub[1]
		i := strings.IndexAny(expr, ":-?+")
		name, op, arg := expr, "", ""
		if i >= 0 {
			name, op = expr[:i], expr[i:i+1]
			if op == ":" && i+1 < len(expr) {
				op = expr[i : i+2]
				arg = expr[i+2:]
			} else {
				arg = expr[i+1:]
			}
		}
		if !regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`).MatchString(name) {
			if firstErr == nil {
				firstErr = fmt.Errorf("bad variable reference %q", m)
			}
			return ""
		}
		used[name] = true
		v, set := vars[name]
		switch op {
		case "":
			return v
		case ":-":
			if v == "" {
				return arg
			}
		case "-":
			if !set {
				return arg
			}
		case ":?", "?":
			if !set || (op == ":?" && v == "") {
				if firstErr == nil {
					firstErr = fmt.Errorf("required variable %s is not set: %s", name, arg)
				}
			}
		case ":+":
			if v != "" {
				return arg
			}
			return ""
		case "+":
			if set {
				return arg
			}
			return ""
		default:
			if firstErr == nil {
				firstErr = fmt.Errorf("unsupported reference %q", m)
			}
		}
		return v
	})
	return out, firstErr
}

// env returns the interpolated environment of a service.
func (p project) env(t *testing.T, svc string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range p.file.Services[svc].Environment {
		iv, err := interpolate(v, p.dotenv, map[string]bool{})
		if err != nil {
			t.Fatalf("service %s: %s: %v", svc, k, err)
		}
		out[k] = iv
	}
	return out
}

// isVigie reports whether a service runs the image built from ./Dockerfile.
func (s composeService) isVigie() bool { return s.Build != nil }

func (s composeService) oneShot() bool { return s.Restart == "no" }

func (s composeService) inProfile() bool { return len(s.Profiles) > 0 }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The long-running stages and what each needs to start at all.
var requiredEnv = map[string][]string{
	"ingest":    {"VIGIE_BROKERS", "VIGIE_SOURCE"},
	"classify":  {"VIGIE_BROKERS"},
	"store":     {"VIGIE_BROKERS", "VIGIE_CLICKHOUSE", "VIGIE_CLICKHOUSE_USER", "VIGIE_CLICKHOUSE_PASSWORD_FILE"},
	"dashboard": {"VIGIE_CLICKHOUSE", "VIGIE_CLICKHOUSE_READ_USER", "VIGIE_CLICKHOUSE_READ_PASSWORD_FILE", "VIGIE_HTTP"},
	"migrate":   {"VIGIE_CLICKHOUSE", "VIGIE_CLICKHOUSE_USER", "VIGIE_CLICKHOUSE_PASSWORD_FILE"},
}

// connectorEnv are variables the live connectors read themselves (not flags).
var connectorEnv = []string{
	mastodon.EnvToken, mastodon.EnvTokenFile, mastodon.EnvHashtags, mastodon.EnvTransport,
	xapi.EnvToken, xapi.EnvTokenFile, xapi.EnvTerms, xapi.EnvBaseURL, xapi.EnvExcludeRetweets,
	bluesky.EnvIdentifier, bluesky.EnvAppPassword, bluesky.EnvAppPasswordFile, bluesky.EnvSearchEndpoint, bluesky.EnvBackfillOnStart,
}

func TestComposeVigieServicesRunRealCommandsWithRealFlags(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	for name := range requiredEnv {
		if _, ok := p.file.Services[name]; !ok {
			t.Errorf("no service %q", name)
		}
	}
	seen := 0
	for _, name := range sortedKeys(p.file.Services) {
		svc := p.file.Services[name]
		if !svc.isVigie() {
			continue
		}
		seen++
		if len(svc.Entrypoint) > 0 {
			t.Errorf("%s: overrides the image's entrypoint (vigie)", name)
		}
		if len(svc.Command) == 0 {
			t.Errorf("%s: no command", name)
			continue
		}
		cmds := []string{svc.Command[0]}
		if len(svc.XVigieCommands) > 0 {
			cmds = svc.XVigieCommands
		}
		all := slices.Concat(cmds, []string{svc.Command[0]})
		slices.Sort(all)
		for _, c := range slices.Compact(all) {
			if !slices.Contains(e.subcmds, c) {
				t.Errorf("%s: %q is not a vigie subcommand (have %v)", name, c, e.subcmds)
			}
		}
		envs := p.env(t, name)
		for _, k := range sortedKeys(envs) {
			if !strings.HasPrefix(k, "VIGIE_") {
				t.Errorf("%s: %s is not a Vigie variable", name, k)
				continue
			}
			if name == "ingest" && slices.Contains(connectorEnv, k) {
				continue
			}
			found := false
			for _, c := range cmds {
				if _, ok := e.flagOfEnv(c, k); ok {
					found = true
				}
			}
			if found {
				continue
			}
			if f, ok := e.pendingFlagOf(k); ok {
				t.Logf("PENDING %s: %s sets %s, but no vigie command has --%s yet (%s)", name, name, k, f, pendingFlags[f])
				continue
			}
			t.Errorf("%s: %s is read by no flag of vigie %s", name, k, strings.Join(cmds, "/"))
		}
		for _, k := range requiredEnv[name] {
			if envs[k] == "" {
				t.Errorf("%s: required %s is not set", name, k)
			}
		}
		// Every *_FILE variable names a secret mounted into this service.
		for _, k := range sortedKeys(envs) {
			if !strings.HasSuffix(k, "_FILE") {
				continue
			}
			secret, ok := strings.CutPrefix(envs[k], "/run/secrets/")
			if !ok || !slices.Contains(svc.Secrets, secret) {
				t.Errorf("%s: %s=%s is not a secret mounted in the service (%v)", name, k, envs[k], svc.Secrets)
			}
		}
	}
	if seen < 5 {
		t.Errorf("only %d services run the vigie image", seen)
	}
}

func TestComposeImagesArePinned(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	want := map[string]string{"kafka": "apache/kafka", "kafka-topics": "apache/kafka", "clickhouse": "clickhouse/clickhouse-server"}
	tag := regexp.MustCompile(`^[a-z0-9./_-]+:v?[0-9]+(\.[0-9]+)+(-[a-z0-9.]+)?(@sha256:[0-9a-f]{64})?$`)
	for _, name := range sortedKeys(p.file.Services) {
		svc := p.file.Services[name]
		img, err := interpolate(svc.Image, p.dotenv, map[string]bool{})
		if err != nil || img == "" {
			t.Errorf("%s: no image (%v)", name, err)
			continue
		}
		if svc.isVigie() {
			// Built here from ./Dockerfile; its bases are checked by TestDockerfile.
			if strings.HasSuffix(img, ":latest") || !strings.Contains(img, ":") {
				t.Errorf("%s: image %q needs an explicit tag", name, img)
			}
			continue
		}
		if !tag.MatchString(img) {
			t.Errorf("%s: image %q is not pinned to a version tag", name, img)
		}
		if repo, ok := want[name]; ok && !strings.HasPrefix(img, repo+":") {
			t.Errorf("%s: image %q, want the official %s", name, img, repo)
		}
	}
}

func TestComposeHealthchecksAndRestartPolicies(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	oneShots := []string{"kafka-topics", "migrate"}
	for _, name := range sortedKeys(p.file.Services) {
		svc := p.file.Services[name]
		restart, err := interpolate(svc.Restart, p.dotenv, map[string]bool{})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case slices.Contains(oneShots, name) || (svc.inProfile() && svc.isVigie()):
			if restart != "no" {
				t.Errorf("%s: one-shot with restart %q, want \"no\"", name, restart)
			}
			continue
		case name == "ingest":
			// Finite sources exit 0: on-failure by default, unless-stopped for live ones.
			if restart != "on-failure" && restart != "unless-stopped" {
				t.Errorf("ingest: restart %q", restart)
			}
		default:
			if restart != "unless-stopped" {
				t.Errorf("%s: restart %q, want unless-stopped", name, restart)
			}
		}
		hc := svc.Healthcheck
		if hc == nil || hc.Disable || len(hc.Test) < 2 || (hc.Test[0] != "CMD" && hc.Test[0] != "CMD-SHELL") {
			t.Errorf("%s: long-running service without a healthcheck: %+v", name, hc)
			continue
		}
		if !svc.isVigie() {
			continue
		}
		// The healthcheck probes the port --metrics-addr listens on.
		envs := p.env(t, name)
		addr := envs["VIGIE_METRICS_ADDR"]
		_, port, ok := strings.Cut(addr, ":")
		if !ok || port == "" {
			t.Errorf("%s: VIGIE_METRICS_ADDR %q has no port", name, addr)
			continue
		}
		url := hc.Test[len(hc.Test)-1]
		if want := "http://127.0.0.1:" + port + "/healthz"; url != want {
			t.Errorf("%s: healthcheck probes %q, want %q", name, url, want)
		}
		if hc.Test[1] != "wget" {
			t.Errorf("%s: healthcheck runs %q: the image has busybox wget, not curl", name, hc.Test[1])
		}
	}
}

func TestComposeDependsOnConditions(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	want := map[string]map[string]string{
		"kafka-topics": {"kafka": "service_healthy"},
		"migrate":      {"clickhouse": "service_healthy"},
		"ingest":       {"kafka-topics": "service_completed_successfully", "migrate": "service_completed_successfully"},
		"classify":     {"kafka-topics": "service_completed_successfully"},
		"store":        {"kafka-topics": "service_completed_successfully", "migrate": "service_completed_successfully"},
		"dashboard":    {"migrate": "service_completed_successfully"},
	}
	for svc, deps := range want {
		got := p.file.Services[svc].DependsOn
		for dep, cond := range deps {
			if got[dep].Condition != cond {
				t.Errorf("%s depends on %s with %q, want %q", svc, dep, got[dep].Condition, cond)
			}
		}
		for dep := range got {
			if _, ok := deps[dep]; !ok {
				t.Errorf("%s: unexpected dependency on %s", svc, dep)
			}
		}
	}
	for name, svc := range p.file.Services {
		for dep := range svc.DependsOn {
			if _, ok := p.file.Services[dep]; !ok {
				t.Errorf("%s depends on unknown service %s", name, dep)
			}
		}
	}
}

func TestComposeDataOnNamedVolumes(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	kafkaDir := p.env(t, "kafka")["KAFKA_LOG_DIRS"]
	if kafkaDir == "" {
		t.Fatal("kafka: KAFKA_LOG_DIRS not set (the image's default is under /tmp)")
	}
	want := map[string]string{"kafka": kafkaDir, "clickhouse": "/var/lib/clickhouse", "ingest": "/var/lib/vigie"}
	for svc, dir := range want {
		found := false
		for _, v := range p.file.Services[svc].Volumes {
			src, dst, _ := strings.Cut(v, ":")
			dst, _, _ = strings.Cut(dst, ":")
			if dst != dir {
				continue
			}
			found = true
			if _, named := p.file.Volumes[src]; !named {
				t.Errorf("%s: %s is on %q, not a named volume", svc, dir, src)
			}
		}
		if !found {
			t.Errorf("%s: nothing mounted at %s", svc, dir)
		}
	}
	// Every bind-mounted file of the repository exists.
	for _, name := range sortedKeys(p.file.Services) {
		for _, v := range p.file.Services[name].Volumes {
			src, _, _ := strings.Cut(v, ":")
			if !strings.HasPrefix(src, "./deploy/") {
				continue
			}
			if _, err := os.Stat(filepath.Join(e.root, src)); err != nil {
				t.Errorf("%s mounts %s: %v", name, src, err)
			}
		}
	}
}

var secretName = regexp.MustCompile(`PASSWORD|TOKEN|SECRET`)

func TestComposeHoldsNoLiteralSecret(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	fullRef := regexp.MustCompile(`^\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?\}$`)
	for _, name := range sortedKeys(p.file.Services) {
		for k, v := range p.file.Services[name].Environment {
			if !secretName.MatchString(k) {
				continue
			}
			switch {
			case strings.HasSuffix(k, "_FILE"):
				if !strings.HasPrefix(v, "/run/secrets/") {
					t.Errorf("%s: %s=%q: a secret file must be a mounted secret", name, k, v)
				}
			case fullRef.MatchString(v):
				if m := regexp.MustCompile(`:?-(.+)\}$`).FindStringSubmatch(v); m != nil {
					t.Errorf("%s: %s has a literal default %q", name, k, m[1])
				}
			default:
				t.Errorf("%s: %s holds a literal value: use ${VAR} from .env or a *_FILE secret", name, k)
			}
		}
	}
	for _, name := range sortedKeys(p.file.Secrets) {
		f := p.file.Secrets[name].File
		if f != "./secrets/"+name {
			t.Errorf("secret %s comes from %q, want ./secrets/%s (made by deploy/init-secrets.sh)", name, f, name)
		}
	}
	// .env.example: every variable Compose reads is documented; secrets empty.
	for _, v := range sortedKeys(p.used) {
		if _, ok := p.dotenv[v]; !ok {
			t.Errorf(".env.example does not document %s, which docker-compose.yml uses", v)
		}
	}
	for _, k := range p.dotorder {
		if !p.used[k] {
			t.Errorf(".env.example sets %s, which docker-compose.yml never reads", k)
		}
		if secretName.MatchString(k) && p.dotenv[k] != "" {
			t.Errorf(".env.example gives %s a value: leave secrets empty", k)
		}
	}
	// Config files under deploy/: no password written in them.
	for _, pat := range []string{"clickhouse/*/*.xml", "grafana/provisioning/*/*.yml", "prometheus/*.yml"} {
		files, _ := filepath.Glob(filepath.Join(e.root, "deploy", pat))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, re := range []string{`<password>[^<]+</password>`, `<password_sha256_hex>[^<]+<`, `(?i)password:\s*[^$\s]`} {
				if loc := regexp.MustCompile(re).Find(b); loc != nil {
					t.Errorf("%s holds a literal password: %s", f, loc)
				}
			}
		}
	}
}

func TestInitSecretsCreatesEveryComposeSecret(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	dir := filepath.Join(t.TempDir(), "secrets")
	run := func() string {
		cmd := exec.Command("sh", filepath.Join(e.root, "deploy", "init-secrets.sh"), dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("init-secrets.sh: %v\n%s", err, out)
		}
		return string(out)
	}
	run()
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Errorf("secrets folder mode %v, want 0700", st.Mode().Perm())
	}
	values := map[string]string{}
	for _, name := range sortedKeys(p.file.Secrets) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("init-secrets.sh did not create %s: %v", name, err)
			continue
		}
		if !regexp.MustCompile(`^[A-Za-z0-9]{32}$`).Match(b) {
			t.Errorf("%s: %d bytes, want 32 random alphanumerics", name, len(b))
		}
		for other, v := range values {
			if v == string(b) {
				t.Errorf("%s and %s have the same value", name, other)
			}
		}
		values[name] = string(b)
	}
	out := run()
	for name, v := range values {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		if string(b) != v {
			t.Errorf("a second run changed %s", name)
		}
		if strings.Contains(out, v) {
			t.Errorf("init-secrets.sh printed the value of %s", name)
		}
	}
	for _, f := range []string{"init-secrets.sh", "clickhouse/entrypoint.sh"} {
		if out, err := exec.Command("sh", "-n", filepath.Join(e.root, "deploy", f)).CombinedOutput(); err != nil {
			t.Errorf("sh -n deploy/%s: %v\n%s", f, err, out)
		}
	}
}

// ---- Dockerfile ----------------------------------------------------------------

type dockerfile struct {
	froms []string            // images of the FROM lines
	lines map[string][]string // instruction -> arguments (continuations joined)
	env   []map[string]string // ENV of each stage
}

func readDockerfile(t *testing.T, path string) dockerfile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := dockerfile{lines: map[string][]string{}}
	var cur string
	for _, line := range strings.Split(string(b), "\n") {
		trim := strings.TrimSpace(line)
		if cur == "" && (trim == "" || strings.HasPrefix(trim, "#")) {
			continue
		}
		if strings.HasSuffix(trim, "\\") {
			cur += strings.TrimSuffix(trim, "\\") + " "
			continue
		}
		cur += trim
		instr, args, _ := strings.Cut(cur, " ")
		instr = strings.ToUpper(instr)
		d.lines[instr] = append(d.lines[instr], args)
		switch instr {
		case "FROM":
			d.froms = append(d.froms, strings.Fields(args)[0])
			d.env = append(d.env, map[string]string{})
		case "ENV":
			for _, kv := range strings.Fields(args) {
				if k, v, ok := strings.Cut(kv, "="); ok && len(d.env) > 0 {
					d.env[len(d.env)-1][k] = v
				}
			}
		}
		cur = ""
	}
	return d
}

func TestDockerfile(t *testing.T) {
	e := setup(t)
	d := readDockerfile(t, filepath.Join(e.root, "Dockerfile"))
	gomod, err := os.ReadFile(filepath.Join(e.root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVer := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if goVer == nil {
		t.Fatal("go.mod has no go directive")
	}
	if len(d.froms) < 2 {
		t.Fatalf("FROM %v: want a build stage and a run stage", d.froms)
	}
	if want := "golang:" + string(goVer[1]); !strings.HasPrefix(d.froms[0], want) {
		t.Errorf("builder FROM %s, want %s (go.mod)", d.froms[0], want)
	}
	final := d.froms[len(d.froms)-1]
	if !regexp.MustCompile(`^(alpine:\d+\.\d+(\.\d+)?|gcr\.io/distroless/static[-a-z0-9]*:[a-z0-9-]+)(@sha256:[0-9a-f]{64})?$`).MatchString(final) {
		t.Errorf("final FROM %s: want a pinned alpine or distroless static base", final)
	}
	if d.env[0]["CGO_ENABLED"] != "0" {
		t.Errorf("CGO_ENABLED=%q in the build stage, want 0", d.env[0]["CGO_ENABLED"])
	}
	runs := strings.Join(d.lines["RUN"], "\n")
	if !strings.Contains(runs, dockerGoBuild) {
		t.Errorf("no RUN %q", dockerGoBuild)
	}
	users := d.lines["USER"]
	if len(users) == 0 {
		t.Error("no USER: the image would run as root")
	} else if u := strings.Split(users[len(users)-1], ":")[0]; u == "root" || u == "0" {
		t.Errorf("USER %s", users[len(users)-1])
	}
	hc := strings.Join(d.lines["HEALTHCHECK"], " ")
	if !strings.Contains(hc, "wget") || !strings.Contains(hc, "/healthz") || !strings.Contains(hc, "VIGIE_METRICS_ADDR") {
		t.Errorf("HEALTHCHECK %q: want wget of /healthz on the --metrics-addr port", hc)
	}
	var exposed []string
	for _, l := range d.lines["EXPOSE"] {
		exposed = append(exposed, strings.Fields(l)...)
	}
	for _, p := range []string{"8080", "9464"} {
		if !slices.Contains(exposed, p) {
			t.Errorf("EXPOSE %v lacks %s", exposed, p)
		}
	}
	var ep []string
	if err := json.Unmarshal([]byte(strings.Join(d.lines["ENTRYPOINT"], "")), &ep); err != nil || len(ep) != 1 || filepath.Base(ep[0]) != "vigie" {
		t.Errorf("ENTRYPOINT %v (%v): want [\".../vigie\"]", d.lines["ENTRYPOINT"], err)
	}
	// The binary built with the Dockerfile's flags is static (no ELF
	// interpreter, no shared library): it runs on any base.
	f, err := elf.Open(e.bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, prog := range f.Progs {
		if prog.Type == elf.PT_INTERP {
			t.Error("vigie built with CGO_ENABLED=0 has an ELF interpreter: not static")
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("vigie links %v", libs)
	}
	if f.Section(".debug_info") != nil {
		t.Error("vigie keeps DWARF: -ldflags \"-s -w\" not applied")
	}
	if st, err := os.Stat(e.bin); err == nil {
		t.Logf("static vigie binary (the image's): %.1f MB", float64(st.Size())/1e6)
	}
	// The build context keeps what the build needs.
	ignore, err := os.ReadFile(filepath.Join(e.root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(ignore), "\n") {
		l := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "/"), "/")
		if slices.Contains([]string{"go.mod", "go.sum", "cmd", "store", "dashboard", "eval", "classify", "ingest", "internal", "pipeline", "post", "incident"}, l) {
			t.Errorf(".dockerignore excludes %s, which the build needs", l)
		}
	}
	for _, must := range []string{".env", "secrets/", ".git"} {
		if !bytes.Contains(ignore, []byte(must)) {
			t.Errorf(".dockerignore lets %s into the build context", must)
		}
	}
}

// ---- ClickHouse, Prometheus and Grafana configs ------------------------------

type chUsers struct {
	Profiles []struct {
		Items []chNode `xml:",any"`
	} `xml:"profiles"`
	Users []struct {
		Items []chNode `xml:",any"`
	} `xml:"users"`
}

type chNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Items   []chNode   `xml:",any"`
}

func (n chNode) child(name string) (chNode, bool) {
	for _, c := range n.Items {
		if c.XMLName.Local == name {
			return c, true
		}
	}
	return chNode{}, false
}

func (n chNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestClickHouseUsersFromMountedConfig(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	b, err := os.ReadFile(filepath.Join(e.root, "deploy/clickhouse/users.d/vigie.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg chUsers
	if err := xml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("users.d/vigie.xml: %v", err)
	}
	users := map[string]chNode{}
	for _, u := range cfg.Users {
		for _, n := range u.Items {
			users[n.XMLName.Local] = n
		}
	}
	profiles := map[string]chNode{}
	for _, pr := range cfg.Profiles {
		for _, n := range pr.Items {
			profiles[n.XMLName.Local] = n
		}
	}
	entry, err := os.ReadFile(filepath.Join(e.root, "deploy/clickhouse/entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	chSvc := p.file.Services["clickhouse"]
	writer, reader := p.dotenv["CLICKHOUSE_WRITER_USER"], p.dotenv["CLICKHOUSE_READER_USER"]
	for _, c := range []struct{ user, secret, profile string }{
		{writer, "clickhouse_password", "default"},
		{reader, "clickhouse_read_password", "readonly"},
	} {
		u, ok := users[c.user]
		if !ok {
			t.Errorf("users.d/vigie.xml has no user %q (.env.example)", c.user)
			continue
		}
		pw, ok := u.child("password")
		if !ok || pw.attr("from_env") == "" || strings.TrimSpace(pw.Text) != "" {
			t.Errorf("user %s: password must come from_env, got %+v", c.user, pw)
			continue
		}
		// The entrypoint exports that variable from the service's secret.
		name := regexp.QuoteMeta(pw.attr("from_env"))
		read := regexp.MustCompile(`(?m)^` + name + `="\$\(read_secret /run/secrets/` + c.secret + `\)"$`)
		export := regexp.MustCompile(`(?m)^export( [A-Z_]+)* ` + name + `( |$)`)
		if !read.Match(entry) || !export.Match(entry) {
			t.Errorf("entrypoint.sh does not export %s from /run/secrets/%s", pw.attr("from_env"), c.secret)
		}
		if !slices.Contains(chSvc.Secrets, c.secret) {
			t.Errorf("clickhouse service does not mount secret %s", c.secret)
		}
		if prof, _ := u.child("profile"); strings.TrimSpace(prof.Text) != c.profile {
			t.Errorf("user %s: profile %q, want %q", c.user, prof.Text, c.profile)
		}
	}
	ro, ok := profiles["readonly"]
	if v, _ := ro.child("readonly"); !ok || strings.TrimSpace(v.Text) != "1" {
		t.Error("profile readonly must set readonly=1")
	}
	def := users["default"]
	nets, _ := def.child("networks")
	if nets.attr("replace") != "replace" {
		t.Error("user default keeps the image's networks: restrict it to the container")
	}
	for _, ip := range nets.Items {
		if ip := strings.TrimSpace(ip.Text); ip != "::1" && ip != "127.0.0.1" {
			t.Errorf("user default reachable from %s", ip)
		}
	}
	if p.env(t, "clickhouse")["CLICKHOUSE_SKIP_USER_SETUP"] != "1" {
		t.Error("clickhouse: set CLICKHOUSE_SKIP_USER_SETUP=1 so the image does not rewrite the users")
	}
	if !bytes.Contains(entry, []byte("exec /entrypoint.sh")) {
		t.Error("entrypoint.sh does not hand over to the image's /entrypoint.sh")
	}
}

func TestPrometheusScrapesEveryStage(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	b, err := os.ReadFile(filepath.Join(e.root, "deploy/prometheus/prometheus.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		ScrapeConfigs []struct {
			JobName string `yaml:"job_name"`
			DNSSD   []struct {
				Names []string `yaml:"names"`
				Port  int      `yaml:"port"`
			} `yaml:"dns_sd_configs"`
			Static []struct {
				Targets []string `yaml:"targets"`
			} `yaml:"static_configs"`
		} `yaml:"scrape_configs"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	scraped := map[string]bool{}
	for _, sc := range cfg.ScrapeConfigs {
		for _, d := range sc.DNSSD {
			for _, n := range d.Names {
				scraped[fmt.Sprintf("%s:%d", n, d.Port)] = true
			}
		}
		for _, s := range sc.Static {
			for _, tg := range s.Targets {
				scraped[tg] = true
			}
		}
	}
	for _, name := range sortedKeys(p.file.Services) {
		svc := p.file.Services[name]
		if !svc.isVigie() || svc.oneShot() {
			continue
		}
		_, port, _ := strings.Cut(p.env(t, name)["VIGIE_METRICS_ADDR"], ":")
		if !scraped[name+":"+port] {
			t.Errorf("prometheus.yml does not scrape %s:%s", name, port)
		}
	}
	conf, err := os.ReadFile(filepath.Join(e.root, "deploy/clickhouse/config.d/vigie.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`<prometheus>[\s\S]*<port>(\d+)</port>`).FindSubmatch(conf); m == nil || !scraped["clickhouse:"+string(m[1])] {
		t.Error("prometheus.yml does not scrape ClickHouse's own /metrics port")
	}
	for _, name := range []string{"prometheus", "grafana"} {
		if !slices.Contains(p.file.Services[name].Profiles, "monitoring") {
			t.Errorf("%s is not in the monitoring profile", name)
		}
	}
}

// grafanaDashboard is the part of the provisioned dashboard the tests read.
type grafanaDashboard struct {
	UID    string `json:"uid"`
	Panels []struct {
		Title      string `json:"title"`
		Type       string `json:"type"`
		Datasource struct {
			Type string `json:"type"`
			UID  string `json:"uid"`
		} `json:"datasource"`
		Targets []struct {
			Datasource struct {
				Type string `json:"type"`
				UID  string `json:"uid"`
			} `json:"datasource"`
			RawSQL string `json:"rawSql"`
			Expr   string `json:"expr"`
		} `json:"targets"`
	} `json:"panels"`
}

func readGrafanaDashboard(t *testing.T, root string) grafanaDashboard {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "deploy/grafana/dashboards/vigie.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d grafanaDashboard
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("vigie.json: %v", err)
	}
	return d
}

func TestGrafanaProvisioning(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, nil)
	b, err := os.ReadFile(filepath.Join(e.root, "deploy/grafana/provisioning/datasources/vigie.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var ds struct {
		Datasources []struct {
			UID            string            `yaml:"uid"`
			Type           string            `yaml:"type"`
			JSONData       map[string]any    `yaml:"jsonData"`
			SecureJSONData map[string]string `yaml:"secureJsonData"`
		} `yaml:"datasources"`
	}
	if err := yaml.Unmarshal(b, &ds); err != nil {
		t.Fatal(err)
	}
	grafana := p.file.Services["grafana"]
	genv := p.env(t, "grafana")
	uids := map[string]string{}
	for _, d := range ds.Datasources {
		uids[d.UID] = d.Type
		if d.Type != "grafana-clickhouse-datasource" {
			continue
		}
		if d.JSONData["host"] != "clickhouse" || d.JSONData["port"] != 9000 || d.JSONData["protocol"] != "native" {
			t.Errorf("ClickHouse data source points at %v:%v (%v)", d.JSONData["host"], d.JSONData["port"], d.JSONData["protocol"])
		}
		for _, k := range []string{"username", "defaultDatabase"} {
			v, _ := d.JSONData[k].(string)
			name := strings.TrimPrefix(v, "$")
			if genv[name] == "" {
				t.Errorf("data source %s=%q: grafana's environment has no %s", k, v, name)
			}
		}
		if user := genv["VIGIE_CLICKHOUSE_READ_USER"]; user != p.dotenv["CLICKHOUSE_READER_USER"] {
			t.Errorf("Grafana reads ClickHouse as %q, want the readonly user", user)
		}
		m := regexp.MustCompile(`^\$__file\{/run/secrets/([a-z_]+)\}$`).FindStringSubmatch(d.SecureJSONData["password"])
		if m == nil || m[1] != "clickhouse_read_password" || !slices.Contains(grafana.Secrets, m[1]) {
			t.Errorf("ClickHouse data source password %q: want the mounted clickhouse_read_password secret", d.SecureJSONData["password"])
		}
	}
	if !strings.HasPrefix(genv["GF_PLUGINS_PREINSTALL"], "grafana-clickhouse-datasource@") {
		t.Errorf("grafana does not install a pinned grafana-clickhouse-datasource: %q", genv["GF_PLUGINS_PREINSTALL"])
	}
	// Every panel uses a provisioned data source; PromQL names real metrics.
	names := registeredMetrics(t, e.root)
	d := readGrafanaDashboard(t, e.root)
	sqlPanels := 0
	for _, panel := range d.Panels {
		if panel.Type == "row" {
			continue
		}
		if uids[panel.Datasource.UID] != panel.Datasource.Type {
			t.Errorf("panel %q: data source %s/%s is not provisioned", panel.Title, panel.Datasource.Type, panel.Datasource.UID)
		}
		for _, tg := range panel.Targets {
			if uids[tg.Datasource.UID] != tg.Datasource.Type {
				t.Errorf("panel %q: target data source %s is not provisioned", panel.Title, tg.Datasource.UID)
			}
			if tg.RawSQL != "" {
				sqlPanels++
			}
			for _, m := range regexp.MustCompile(`\bvigie_[a-z_]+`).FindAllString(tg.Expr, -1) {
				base := regexp.MustCompile(`_(bucket|sum|count)$`).ReplaceAllString(m, "")
				if !names[m] && !names[base] {
					t.Errorf("panel %q queries %s, which Vigie does not export (have %v)", panel.Title, m, sortedKeys(names))
				}
			}
		}
	}
	if sqlPanels < 4 {
		t.Errorf("only %d ClickHouse panels", sqlPanels)
	}
}

// registeredMetrics returns the metric names declared in internal/metrics.
func registeredMetrics(t *testing.T, root string) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "internal/metrics/*.go"))
	names := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`Name:\s*"(vigie_[a-z_]+)"`).FindAllSubmatch(b, -1) {
			names[string(m[1])] = true
		}
	}
	if len(names) == 0 {
		t.Fatal("no metric declared in internal/metrics")
	}
	return names
}

func TestInterpolate(t *testing.T) {
	vars := map[string]string{"A": "a", "EMPTY": ""}
	for _, c := range []struct {
		in, want string
		err      bool
	}{
		{"$${X}", "${X}", false},
		{"${A}", "a", false},
		{"$A-", "a-", false},
		{"${B:-kafka:9092}", "kafka:9092", false},
		{"${EMPTY:-d}", "d", false},
		{"${EMPTY-d}", "", false},
		{"${B-d}", "d", false},
		{"${A:?x}", "a", false},
		{"${EMPTY:?x}", "", true},
		{"${EMPTY?x}", "", false},
		{"${B?x}", "", true},
		{"${A:+y}", "y", false},
		{"${EMPTY:+y}", "", false},
		{"${B+y}", "", false},
		{"${KAFKA_HEAP_OPTS:--Xms512m -Xmx1g}", "-Xms512m -Xmx1g", false},
	} {
		got, err := interpolate(c.in, vars, map[string]bool{})
		if got != c.want || (err != nil) != c.err {
			t.Errorf("interpolate(%q) = %q, %v; want %q, error %v", c.in, got, err, c.want, c.err)
		}
	}
}

// TestComposeConfigValidates asks Compose itself to resolve the file with
// .env.example, when Compose is installed here (`docker compose`, or the
// Debian docker-compose 1.29, which predates the top-level name: key).
func TestComposeConfigValidates(t *testing.T) {
	e := setup(t)
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(e.root, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	switch {
	case exec.Command("docker", "compose", "version").Run() == nil:
		args = []string{"docker", "compose"}
	case func() bool { _, err := exec.LookPath("docker-compose"); return err == nil }():
		args = []string{"docker-compose"}
		raw = regexp.MustCompile(`(?m)^name: .*\n`).ReplaceAll(raw, nil)
	default:
		t.Skip("neither `docker compose` nor docker-compose is installed: the other tests check the file")
	}
	envFile, err := os.ReadFile(filepath.Join(e.root, ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"docker-compose.yml": raw, ".env": envFile} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(e.root, "deploy"), filepath.Join(dir, "deploy")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(args[0], append(args[1:], "--profile", "monitoring", "--profile", "tools", "config", "--services")...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v config: %v\n%s", args, err, out)
	}
	got := strings.Fields(string(out))
	p := loadProject(t, e.root, nil)
	if want := sortedKeys(p.file.Services); !slices.Equal(sortedKeys(setOf(got)), want) {
		t.Errorf("compose lists services %v, want %v", got, want)
	}
}

func setOf(l []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range l {
		m[s] = true
	}
	return m
}
