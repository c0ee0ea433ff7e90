// ttrpc-reference: containerd's own ttrpc (Debian's golang-github-containerd-ttrpc-dev, 1.1.1) serving
// and calling binakarier.testing.v1.Echo, so that our implementation is tested and measured against
// the reference. Built by tools/build-ttrpc-reference; used by InteropTests and bk-rpc-bench.
//
//	ttrpc-reference serve SOCKET
//	ttrpc-reference call SOCKET [-text T] [-delay-ms N] [-fail-code C] [-timeout-ms T] [-md key=value ...]
//
// `call` prints one JSON line: {"code":..,"message":..,"text":..,"metadata":[..]}.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/containerd/ttrpc"
	"github.com/gogo/protobuf/proto"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const service = "binakarier.testing.v1.Echo"

// EchoRequest and EchoResponse mirror proto/binakarier/testing/v1/testing.proto, encoded by gogo/protobuf
// from these struct tags: an encoder independent of ours.
type EchoRequest struct {
	Text         string `protobuf:"bytes,1,opt,name=text,proto3"`
	DelayMs      uint32 `protobuf:"varint,2,opt,name=delay_ms,proto3"`
	FailCode     int32  `protobuf:"varint,3,opt,name=fail_code,proto3"`
	ResponseSize uint32 `protobuf:"varint,4,opt,name=response_size,proto3"`
}

func (m *EchoRequest) Reset()         { *m = EchoRequest{} }
func (m *EchoRequest) String() string { return proto.CompactTextString(m) }
func (*EchoRequest) ProtoMessage()    {}

type EchoResponse struct {
	Text     string   `protobuf:"bytes,1,opt,name=text,proto3"`
	Metadata []string `protobuf:"bytes,2,rep,name=metadata,proto3"`
	Payload  []byte   `protobuf:"bytes,3,opt,name=payload,proto3"`
}

func (m *EchoResponse) Reset()         { *m = EchoResponse{} }
func (m *EchoResponse) String() string { return proto.CompactTextString(m) }
func (*EchoResponse) ProtoMessage()    {}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: ttrpc-reference serve|call SOCKET [flags]")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "serve":
		serve(os.Args[2])
	case "call":
		call(os.Args[2], os.Args[3:])
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(2)
	}
}

func serve(path string) {
	os.Remove(path)
	listener, err := net.Listen("unix", path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	server, err := ttrpc.NewServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	server.Register(service, map[string]ttrpc.Method{
		"Echo": func(ctx context.Context, unmarshal func(interface{}) error) (interface{}, error) {
			var req EchoRequest
			if err := unmarshal(&req); err != nil {
				return nil, err
			}
			if req.DelayMs > 0 {
				select {
				case <-time.After(time.Duration(req.DelayMs) * time.Millisecond):
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			}
			if req.FailCode != 0 {
				return nil, status.Error(codes.Code(req.FailCode), req.Text)
			}
			resp := &EchoResponse{Text: req.Text}
			if md, ok := ttrpc.GetMetadata(ctx); ok {
				keys := make([]string, 0, len(md))
				for key := range md {
					keys = append(keys, key)
				}
				sort.Strings(keys)
				for _, key := range keys {
					for _, value := range md[key] {
						resp.Metadata = append(resp.Metadata, key+"="+value)
					}
				}
			}
			if req.ResponseSize > 0 {
				resp.Payload = make([]byte, req.ResponseSize)
			}
			return resp, nil
		},
	})
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		server.Close()
		os.Remove(path)
		os.Exit(0)
	}()
	fmt.Fprintln(os.Stderr, "BINAKARIER READY daemon=ttrpc-reference socket="+path)
	if err := server.Serve(context.Background(), listener); err != nil && !strings.Contains(err.Error(), "closed") {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type metadataFlags []string

func (m *metadataFlags) String() string     { return strings.Join(*m, ",") }
func (m *metadataFlags) Set(v string) error { *m = append(*m, v); return nil }

func call(path string, args []string) {
	flags := flag.NewFlagSet("call", flag.ExitOnError)
	text := flags.String("text", "", "text to echo")
	delay := flags.Uint("delay-ms", 0, "server-side delay")
	failCode := flags.Int("fail-code", 0, "status code the server should fail with")
	timeout := flags.Int("timeout-ms", 5000, "deadline")
	var md metadataFlags
	flags.Var(&md, "md", "metadata key=value (repeatable)")
	flags.Parse(args)

	conn, err := net.Dial("unix", path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	client := ttrpc.NewClient(conn)
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*timeout)*time.Millisecond)
	defer cancel()
	if len(md) > 0 {
		metadata := ttrpc.MD{}
		for _, item := range md {
			parts := strings.SplitN(item, "=", 2)
			metadata.Append(parts[0], parts[1])
		}
		ctx = ttrpc.WithMetadata(ctx, metadata)
	}
	var resp EchoResponse
	err = client.Call(ctx, service, "Echo", &EchoRequest{Text: *text, DelayMs: uint32(*delay), FailCode: int32(*failCode)}, &resp)
	if resp.Metadata == nil {
		resp.Metadata = []string{}
	}
	result := map[string]interface{}{"code": 0, "message": "", "text": resp.Text, "metadata": resp.Metadata}
	if err != nil {
		st, _ := status.FromError(err)
		result["code"] = int(st.Code())
		result["message"] = st.Message()
		// The client's own context may expire a hair before the server's answer arrives.
		if err == context.DeadlineExceeded {
			result["code"] = int(codes.DeadlineExceeded)
		}
	}
	out, _ := json.Marshal(result)
	fmt.Println(string(out))
}
