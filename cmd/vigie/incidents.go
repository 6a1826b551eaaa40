package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/store"
)

func (a *app) incidentsCmd() *ffcli.Command {
	fs := newFlagSet("vigie incidents", a.stderr)
	var (
		common  commonFlags
		ch      clickhouseFlags
		asJSON  = fs.Bool("json", false, "one JSON object per incident and line")
		webhook = fs.String("webhook", "", "POST incidents that open, change level or close to this URL (signed with VIGIE_WEBHOOK_SECRET)")
		secret  = fs.String("webhook-secret", "", "shared secret signing webhook bodies (X-Vigie-Signature: sha256=HMAC)")
	)
	common.register(fs)
	ch.register(fs)
	return &ffcli.Command{
		Name:       "incidents",
		ShortUsage: "vigie incidents [--data DIR] [--json]",
		ShortHelp:  "detect and list outage incidents per region and platform",
		LongHelp: `Runs a detection pass over the stored posts (the last 24 hours of data, with the
28 days before as the baseline), saves the incidents, then lists every stored incident:
level (watch, incident, major), region (empty for national platforms), platform,
start, end, peak and example posts. 'vigie run' runs the same pass every 30 seconds.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			db, closeDB, err := ch.open(ctx, common.data, true, asWriter, log)
			if err != nil {
				return err
			}
			defer closeDB()
			cfg := pipeline.DefaultIncidentConfig()
			cfg.Webhook, cfg.WebhookSecret, cfg.Logger = *webhook, *secret, log
			if _, err := pipeline.DetectIncidents(ctx, db, cfg); err != nil {
				return err
			}
			all, err := db.Incidents(ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				enc := json.NewEncoder(a.stdout)
				for _, in := range all {
					if err := enc.Encode(in); err != nil {
						return err
					}
				}
				return nil
			}
			return printIncidents(a.stdout, all)
		},
	}
}

func printIncidents(out *os.File, all []store.StoredIncident) error {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "LEVEL\tPLATFORM\tREGION\tSTART (Paris)\tEND\tPEAK\tPOSTS\tEXAMPLE")
	for _, in := range all {
		region := in.Region
		if region == "" {
			region = "France"
		}
		end := in.End.In(paris).Format("15:04")
		if in.Open {
			end = "ongoing"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", in.Level, in.Platform, region,
			in.Start.In(paris).Format("2006-01-02 15:04"), end, in.Peak, in.Posts, firstExample(in))
	}
	return w.Flush()
}

// firstExample returns the start of the first example post, on one line.
func firstExample(in store.StoredIncident) string {
	if len(in.Examples) == 0 {
		return ""
	}
	r := []rune(in.Examples[0].Text)
	if len(r) > 60 {
		r = append(r[:59], '…')
	}
	for i, c := range r {
		if c == '\n' || c == '\t' {
			r[i] = ' '
		}
	}
	return string(r)
}
