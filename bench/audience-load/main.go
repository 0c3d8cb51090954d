// A view-only audience for bench/audience-load.ts. `lk load-test` signs its own tokens with full
// grants, so it cannot join as the audience does; this joins with the tokens the benchmark gives
// it (hidden, subscribe-only, signed as the app signs an audience member's) and counts what each
// subscriber receives. With a "publish" entry it is the stage instead: one VP8 video and one Opus
// audio track, looped from files, until stdin closes.
//
// Input: one JSON object on stdin (see Config). Output: JSON lines on stdout — {"ready":true} once
// the stage publishes; {"phase":"hold"} and {"phase":"held"} around the measured window (the
// benchmark reads the server's CPU at both), then the Result.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
)

type Endpoint struct {
	URL   string `json:"url"`
	Token string `json:"token"`
}

type Config struct {
	Publish *struct {
		Endpoint
		Video string `json:"video"`
		Audio string `json:"audio"`
	} `json:"publish"`
	Subscribers  []Endpoint `json:"subscribers"`
	PerSecond    int        `json:"perSecond"`
	HoldSeconds  int        `json:"holdSeconds"`
	ExpectTracks int        `json:"expectTracks"`
}

type Result struct {
	Subscribers int `json:"subscribers"`
	Connected   int `json:"connected"`
	// Subscribers that had every expected track when the hold began.
	Complete       int      `json:"complete"`
	Tracks         int64    `json:"tracks"`
	ExpectedTracks int      `json:"expectedTracks"`
	ConnectSeconds float64  `json:"connectSeconds"`
	HoldSeconds    float64  `json:"holdSeconds"`
	Bytes          int64    `json:"bytes"`
	Packets        int64    `json:"packets"`
	Lost           int64    `json:"lost"`
	Errors         []string `json:"errors"`
}

func main() {
	var cfg Config
	if err := json.NewDecoder(os.Stdin).Decode(&cfg); err != nil {
		fail(err)
	}
	// The SDK logs every join; the benchmark reads only our one line.
	logger.InitFromConfig(&logger.Config{Level: "error"}, "audience-load")
	lksdk.SetLogger(logger.GetLogger())
	if cfg.Publish != nil {
		publish(cfg)
		return
	}
	out, _ := json.Marshal(subscribe(cfg))
	fmt.Println(string(out))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func publish(cfg Config) {
	p := cfg.Publish
	video, err := videoFrames(p.Video)
	if err != nil {
		fail(err)
	}
	audio, err := audioPackets(p.Audio)
	if err != nil {
		fail(err)
	}
	room, err := lksdk.ConnectToRoomWithToken(p.URL, p.Token, lksdk.NewRoomCallback(), lksdk.WithAutoSubscribe(false))
	if err != nil {
		fail(err)
	}
	vt, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000})
	if err != nil {
		fail(err)
	}
	at, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2})
	if err != nil {
		fail(err)
	}
	if _, err := room.LocalParticipant.PublishTrack(vt, &lksdk.TrackPublicationOptions{Name: "stage", Source: livekit.TrackSource_CAMERA, VideoWidth: 640, VideoHeight: 360}); err != nil {
		fail(err)
	}
	if _, err := room.LocalParticipant.PublishTrack(at, &lksdk.TrackPublicationOptions{Name: "floor", Source: livekit.TrackSource_MICROPHONE}); err != nil {
		fail(err)
	}
	if err := vt.StartWrite(video, nil); err != nil {
		fail(err)
	}
	if err := at.StartWrite(audio, nil); err != nil {
		fail(err)
	}
	fmt.Println(`{"ready":true}`)
	_, _ = io.Copy(io.Discard, os.Stdin)
	room.Disconnect()
}

// counters are shared by every subscriber's reading goroutines.
type counters struct {
	bytes, packets, lost, tracks atomic.Int64
}

// readTrack counts a track's packets, and the gaps in its sequence numbers as lost.
func readTrack(track *webrtc.TrackRemote, c *counters) {
	var last uint16
	first := true
	for {
		pkt, _, err := track.ReadRTP()
		if err != nil {
			return
		}
		c.bytes.Add(int64(len(pkt.Payload) + pkt.Header.MarshalSize()))
		c.packets.Add(1)
		if gap := pkt.SequenceNumber - last; !first && gap > 1 && gap < 1000 {
			c.lost.Add(int64(gap - 1))
		}
		if first || pkt.SequenceNumber-last < 1000 {
			last = pkt.SequenceNumber
		}
		first = false
	}
}

func subscribe(cfg Config) Result {
	res := Result{Subscribers: len(cfg.Subscribers), ExpectedTracks: cfg.ExpectTracks * len(cfg.Subscribers), Errors: []string{}}
	var c counters
	var mu sync.Mutex
	var wg sync.WaitGroup
	rooms := make([]*lksdk.Room, len(cfg.Subscribers))
	perSubscriber := make([]atomic.Int64, len(cfg.Subscribers))
	started := time.Now()
	interval := time.Second / time.Duration(max(cfg.PerSecond, 1))
	for i, e := range cfg.Subscribers {
		wg.Add(1)
		go func(i int, e Endpoint) {
			defer wg.Done()
			cb := lksdk.NewRoomCallback()
			cb.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
				c.tracks.Add(1)
				perSubscriber[i].Add(1)
				go readTrack(track, &c)
			}
			room, err := lksdk.ConnectToRoomWithToken(e.URL, e.Token, cb)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if len(res.Errors) < 5 {
					res.Errors = append(res.Errors, err.Error())
				}
				return
			}
			rooms[i] = room
			res.Connected++
		}(i, e)
		time.Sleep(interval)
	}
	wg.Wait()
	res.ConnectSeconds = time.Since(started).Seconds()
	// Subscriptions follow the join; give the last ones a moment to arrive.
	for deadline := time.Now().Add(10 * time.Second); c.tracks.Load() < int64(res.ExpectedTracks) && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	for i := range perSubscriber {
		if perSubscriber[i].Load() >= int64(cfg.ExpectTracks) {
			res.Complete++
		}
	}
	fmt.Println(`{"phase":"hold"}`)
	bytes0, packets0, lost0 := c.bytes.Load(), c.packets.Load(), c.lost.Load()
	hold := time.Now()
	time.Sleep(time.Duration(cfg.HoldSeconds) * time.Second)
	res.HoldSeconds = time.Since(hold).Seconds()
	res.Bytes, res.Packets, res.Lost = c.bytes.Load()-bytes0, c.packets.Load()-packets0, c.lost.Load()-lost0
	fmt.Println(`{"phase":"held"}`)
	res.Tracks = c.tracks.Load()
	var done sync.WaitGroup
	for _, room := range rooms {
		if room != nil {
			done.Add(1)
			go func() { defer done.Done(); room.Disconnect() }()
		}
	}
	done.Wait()
	return res
}
