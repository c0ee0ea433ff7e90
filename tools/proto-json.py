#!/usr/bin/python3
# Writes the proto3 JSON of a binary message with protobuf's own Python implementation (json_format),
# so that our JSON encoder and decoder are checked against one that is not ours.
# Usage: proto-json.py DESCRIPTOR_SET MESSAGE_TYPE < message.bin > message.json   (run by tools/generate-protos)
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

descriptors = descriptor_pb2.FileDescriptorSet.FromString(open(sys.argv[1], "rb").read())
pool = descriptor_pool.DescriptorPool()
for file in descriptors.file:
    pool.Add(file)
message_class = message_factory.MessageFactory(pool).GetPrototype(pool.FindMessageTypeByName(sys.argv[2]))
message = message_class.FromString(sys.stdin.buffer.read())
sys.stdout.write(json_format.MessageToJson(message, sort_keys=True, indent=2) + "\n")
