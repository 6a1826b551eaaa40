package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/store"
)

func (a *app) runCmd() *ffcli.Command {
	fs := newFlagSet("vigie run", a.stderr)
	var (
		common  commonFlags
		kafka   kafkaFlags
		ch      clickhouseFlags
		sources stringList
		terms   stringList
		httpAdr = fs.String("http", "127.0.0.1:8080", "dashboard address (empty: no dashboard)")
		speed   = fs.Float64("speed", 0, "replay speed of the scenario: X times real time, 0 as fast as possible")
		scale   = fs.Int("scale", 1, "multiply the scenario's posts (benchmarks)")
		once    = fs.Bool("once", false, "stop when the sources are exhausted and every post is stored; print a JSON summary")
		workers = fs.Int("workers", 0, "classifier goroutines (0: one per core)")
	)
	var mf metricsFlags
	var hauth httpAuthFlags
	common.register(fs)
	kafka.register(fs, true)
	ch.register(fs)
	mf.register(fs)
	hauth.register(fs)
	fs.Var(&sources, "source", "a source spec, repeatable: scenario:april2021 (default), file:PATH, mastodon:HOST, bluesky:jetstream, x:stream, x:search")
	fs.Var(&terms, "track", "a hashtag or keyword to track, repeatable (default: the April 2021 set)")
	return &ffcli.Command{
		Name:       "run",
		ShortUsage: "vigie run [--data DIR] [--http ADDR] [--source SPEC ...] [--speed X] [--brokers ...] [--clickhouse ...] [--once]",
		ShortHelp:  "run the whole pipeline in one process (embedded Kafka, local ClickHouse, dashboard)",
		LongHelp: `Runs ingest, classify, store and the dashboard in one process. Without --brokers it
starts an embedded Kafka broker persisting under --data; without --clickhouse it starts
a local ClickHouse server under --data (install it with 'apt-get install clickhouse-server').
Stopping with Ctrl-C flushes the batches in flight; a restart on the same --data resumes.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			chCfg, err := ch.config()
			if err != nil {
				return err
			}
			if len(sources) == 0 {
				sources = stringList{"scenario:april2021"}
			}
			auth, err := hauth.auth(*httpAdr)
			if err != nil {
				return err
			}
			mt, err := mf.start(ctx, log)
			if err != nil {
				return err
			}
			sum, err := pipeline.Run(ctx, pipeline.Config{
				DataDir: common.data, HTTPAddr: *httpAdr, HTTPAuth: auth, Sources: sources, Speed: *speed, Scale: *scale,
				Terms: terms, Kafka: kafka.config(), CH: chCfg, Once: *once, Workers: *workers, Drain: kafka.drain, Metrics: mt, Logger: log,
			})
			if err != nil {
				return stoppedWhileStarting(ctx, err, log)
			}
			if *once {
				return json.NewEncoder(a.stdout).Encode(sum)
			}
			return nil
		},
	}
}

func (a *app) ingestCmd() *ffcli.Command {
	fs := newFlagSet("vigie ingest", a.stderr)
	var (
		sf      stageFlags
		ch      clickhouseFlags
		sources stringList
		terms   stringList
		speed   = fs.Float64("speed", 0, "replay speed of the scenario: X times real time, 0 as fast as possible")
		scale   = fs.Int("scale", 1, "multiply the scenario's posts")
	)
	sf.register(fs)
	ch.register(fs)
	fs.Var(&sources, "source", "a source spec, repeatable: scenario:april2021, file:PATH, mastodon:HOST, bluesky:jetstream, x:stream, x:search")
	fs.Var(&terms, "track", "a hashtag or keyword to track, repeatable (default: the April 2021 set)")
	return &ffcli.Command{
		Name:       "ingest",
		ShortUsage: "vigie ingest --brokers HOST:PORT --source SPEC [--source SPEC ...]",
		ShortHelp:  "run the ingest stage: read sources, publish posts to Kafka",
		FlagSet:    fs,
		Options:    ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			if len(sources) == 0 {
				return errors.New("at least one --source is required")
			}
			st, err := sf.start(ctx, a.stderr, "")
			if st == nil {
				return err
			}
			defer st.kafka.Close()
			// Live sources' coverage gaps go to ClickHouse when one is named;
			// otherwise they are only logged (this stage needs no database).
			var gaps ingest.GapRecorder
			if ch.addr != "" {
				db, closeDB, err := ch.openWaiting(ctx, sf.common.data, false, asWriter, st.log)
				if err != nil {
					return stoppedWhileStarting(ctx, err, st.log)
				}
				defer closeDB()
				gaps = pipeline.GapsTo(db)
			}
			st.ready()
			counts, err := pipeline.RunIngest(ctx, st.stage, pipeline.IngestConfig{DataDir: sf.common.data, Gaps: gaps,
				Sources: sources, Speed: *speed, Scale: *scale, Terms: terms})
			if err != nil && !errors.Is(err, context.Canceled) {
				return err
			}
			return json.NewEncoder(a.stdout).Encode(counts)
		},
	}
}

func (a *app) classifyCmd() *ffcli.Command {
	fs := newFlagSet("vigie classify", a.stderr)
	var (
		sf      stageFlags
		workers = fs.Int("workers", 0, "classifier goroutines (0: one per core)")
	)
	sf.register(fs)
	return &ffcli.Command{
		Name:       "classify",
		ShortUsage: "vigie classify --brokers HOST:PORT",
		ShortHelp:  "run the classify stage: raw posts in, classified posts out",
		FlagSet:    fs,
		Options:    ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			st, err := sf.start(ctx, a.stderr, "")
			if st == nil {
				return err
			}
			defer st.kafka.Close()
			st.ready()
			return pipeline.RunClassify(ctx, st.stage, *workers)
		},
	}
}

func (a *app) storeCmd() *ffcli.Command {
	fs := newFlagSet("vigie store", a.stderr)
	var (
		sf stageFlags
		ch clickhouseFlags
	)
	sf.register(fs)
	ch.register(fs)
	return &ffcli.Command{
		Name:       "store",
		ShortUsage: "vigie store --brokers HOST:PORT [--clickhouse HOST:PORT]",
		ShortHelp:  "run the store stage: classified posts in, ClickHouse rows out",
		FlagSet:    fs,
		Options:    ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			st, err := sf.start(ctx, a.stderr, " and to ClickHouse")
			if st == nil {
				return err
			}
			defer st.kafka.Close()
			db, closeDB, err := ch.openWaiting(ctx, sf.common.data, true, asWriter, st.log)
			if err != nil {
				return stoppedWhileStarting(ctx, err, st.log)
			}
			defer closeDB()
			st.ready()
			return pipeline.RunStore(ctx, st.stage, db)
		},
	}
}

func (a *app) dashboardCmd() *ffcli.Command {
	fs := newFlagSet("vigie dashboard", a.stderr)
	var (
		common  commonFlags
		ch      clickhouseFlags
		httpAdr = fs.String("http", "127.0.0.1:8080", "address to serve the dashboard on")
		mf      metricsFlags
		hauth   httpAuthFlags
	)
	common.register(fs)
	ch.register(fs)
	mf.register(fs)
	hauth.register(fs)
	return &ffcli.Command{
		Name:       "dashboard",
		ShortUsage: "vigie dashboard [--http ADDR] [--clickhouse HOST:PORT]",
		ShortHelp:  "serve the dashboard, reading ClickHouse as the read-only user",
		FlagSet:    fs,
		Options:    ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			db, closeDB, err := ch.open(ctx, common.data, false, asReader, log)
			if err != nil {
				return err
			}
			defer closeDB()
			auth, err := hauth.auth(*httpAdr)
			if err != nil {
				return err
			}
			mt, err := mf.start(ctx, log)
			if err != nil {
				return err
			}
			if mt != nil {
				mt.AddReadiness("clickhouse", db.Ping)
			}
			ln, err := net.Listen("tcp", *httpAdr)
			if err != nil {
				return fmt.Errorf("dashboard: %w", err)
			}
			log.Info("dashboard ready", "url", "http://"+ln.Addr().String())
			return dashboard.ServeWith(ctx, ln, db, dashboard.Options{Logger: log, Auth: auth})
		},
	}
}

func (a *app) migrateCmd() *ffcli.Command {
	fs := newFlagSet("vigie migrate", a.stderr)
	var (
		common commonFlags
		ch     clickhouseFlags
	)
	common.register(fs)
	ch.register(fs)
	return &ffcli.Command{
		Name:       "migrate",
		ShortUsage: "vigie migrate [--clickhouse HOST:PORT]",
		ShortHelp:  "apply the embedded schema migrations (idempotent)",
		FlagSet:    fs,
		Options:    ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			c, err := ch.start(ctx, common.data, true, log)
			if err != nil {
				return err
			}
			stopClickHouse(c)
			fmt.Fprintln(a.stdout, "schema up to date")
			return nil
		},
	}
}

func (a *app) sqlCmd() *ffcli.Command {
	fs := newFlagSet("vigie sql", a.stderr)
	var (
		common commonFlags
		ch     clickhouseFlags
		query  = fs.String("q", "", "query to run; without it, open clickhouse-client")
	)
	common.register(fs)
	ch.register(fs)
	return &ffcli.Command{
		Name:       "sql",
		ShortUsage: "vigie sql [--data DIR] [-q QUERY]",
		ShortHelp:  "query the ClickHouse of a data folder as the read-only user (TSV with a header)",
		LongHelp: `Runs QUERY as the read-only user and prints tab-separated values with a header line.
The local server of --data is used (started for the query if it is not running);
--clickhouse points at another server. Without -q, opens clickhouse-client on it.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			c, err := ch.start(ctx, common.data, false, log)
			if err != nil {
				return err
			}
			defer stopClickHouse(c)
			if *query == "" {
				return a.clickhouseClient(ctx, c)
			}
			db, err := store.Open(ctx, c.Reader)
			if err != nil {
				return err
			}
			defer db.Close()
			return db.QueryTSV(ctx, *query, func(line []string) error {
				_, err := fmt.Fprintln(a.stdout, strings.Join(line, "\t"))
				return err
			})
		},
	}
}

// clickhouseClient opens an interactive clickhouse-client as the read-only user.
func (a *app) clickhouseClient(ctx context.Context, c *pipeline.ClickHouse) error {
	bin, err := exec.LookPath("clickhouse-client")
	args := []string{}
	if err != nil {
		if bin, err = exec.LookPath("clickhouse"); err != nil {
			return errors.New("clickhouse-client not found (apt-get install clickhouse-client); use -q QUERY instead")
		}
		args = append(args, "client")
	}
	host, port, _ := net.SplitHostPort(c.Reader.Addr)
	args = append(args, "--host", host, "--port", port, "--user", c.Reader.User, "--database", c.Reader.Database)
	if c.Reader.Password != "" {
		// clickhouse-client 18.16 takes the password only as an argument.
		args = append(args, "--password", c.Reader.Password)
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, a.stdout, a.stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("clickhouse-client: %w", err)
	}
	return nil
}

func (a *app) versionCmd() *ffcli.Command {
	return &ffcli.Command{
		Name:       "version",
		ShortUsage: "vigie version",
		ShortHelp:  "print the classifier version",
		Exec: func(ctx context.Context, args []string) error {
			fmt.Fprintln(a.stdout, "classifier", classify.Version)
			return nil
		},
	}
}

func stopClickHouse(c *pipeline.ClickHouse) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_ = c.Stop(ctx)
}
