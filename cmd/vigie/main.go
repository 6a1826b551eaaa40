// Command vigie watches social media for school-platform disruptions.
// It is thin: flags, environment and config file become Config structs that
// the packages run.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // Paris days without a system tz database

	"github.com/peterbourgon/ff/v3/ffcli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := newRoot(os.Stdout, os.Stderr).ParseAndRun(ctx, os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vigie:", err)
		os.Exit(1)
	}
}

// newRoot builds the command tree.
func newRoot(stdout, stderr *os.File) *ffcli.Command {
	app := &app{stdout: stdout, stderr: stderr}
	rootFlags := flag.NewFlagSet("vigie", flag.ContinueOnError)
	rootFlags.SetOutput(stderr)
	return &ffcli.Command{
		Name:       "vigie",
		ShortUsage: "vigie <command> [flags]",
		ShortHelp:  "watch school-platform disruptions through social media",
		LongHelp: `Vigie reads posts from social media and archives, labels each one (outage report,
complaint, testimony, other) with its language, platform, region, author role and
sentiment, stores them in ClickHouse and charts disruption by region and time.

Every flag can also be set by an environment variable (VIGIE_ and the flag name in
upper case, '-' as '_': --data is VIGIE_DATA) or by a config file given with
--config (one "flag value" per line; a flag given several times may repeat).
Command-line flags win over the environment, which wins over the config file.

Run 'vigie <command> --help' for the flags of a command.`,
		FlagSet: rootFlags,
		Subcommands: []*ffcli.Command{
			app.runCmd(), app.ingestCmd(), app.classifyCmd(), app.storeCmd(), app.dashboardCmd(),
			app.migrateCmd(), app.sqlCmd(), app.incidentsCmd(), app.reclassifyCmd(), app.exportPostsCmd(), app.exportCmd(), app.benchCmd(), app.evalCmd(), app.trainCmd(), app.labelCmd(), app.importCmd(), app.versionCmd(),
		},
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unknown command %q (see 'vigie --help')", args[0])
			}
			return flag.ErrHelp
		},
	}
}

type app struct {
	stdout, stderr *os.File
}
