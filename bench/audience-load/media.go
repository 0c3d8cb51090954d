package main

// The stage's media: frames read once from files ffmpeg made (VP8 in IVF, Opus in Ogg with one
// packet a page) and sent in a loop for as long as the benchmark runs, paced by their duration.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"time"

	"github.com/pion/webrtc/v4/pkg/media"
	"github.com/pion/webrtc/v4/pkg/media/ivfreader"
	"github.com/pion/webrtc/v4/pkg/media/oggreader"

	lksdk "github.com/livekit/server-sdk-go/v2"
)

type loopProvider struct {
	lksdk.BaseSampleProvider
	frames   [][]byte
	duration time.Duration
	next     int
}

func (p *loopProvider) NextSample(context.Context) (media.Sample, error) {
	frame := p.frames[p.next%len(p.frames)]
	p.next++
	return media.Sample{Data: frame, Duration: p.duration}, nil
}

// The loop starts on a key frame (ffmpeg writes one first), so restarting it is a clean seek.
func videoFrames(path string) (*loopProvider, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	reader, header, err := ivfreader.NewWith(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	p := &loopProvider{duration: time.Second * time.Duration(header.TimebaseNumerator) / time.Duration(header.TimebaseDenominator)}
	for {
		frame, _, err := reader.ParseNextFrame()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		p.frames = append(p.frames, frame)
	}
	if len(p.frames) == 0 {
		return nil, errors.New("no frames in " + path)
	}
	return p, nil
}

type audioLoop struct{ loopProvider }

// Opus levels are not measured here; a constant mid level keeps the speaker "speaking".
func (p *audioLoop) CurrentAudioLevel() uint8 { return 30 }

func audioPackets(path string) (*audioLoop, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	reader, _, err := oggreader.NewWith(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	p := &audioLoop{loopProvider{duration: 20 * time.Millisecond}}
	for {
		payload, _, err := reader.ParseNextPage()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(payload, []byte("OpusTags")) {
			continue
		}
		p.frames = append(p.frames, payload)
	}
	if len(p.frames) == 0 {
		return nil, errors.New("no packets in " + path)
	}
	return p, nil
}
