package io.yakraft.kafka;

import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.RaftVoterEndpoint;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.RequestHeader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code __cluster_metadata} from the active controller as a non-replica would: a raw KRaft Fetch with replica
 * id -1 (KafkaRaftClient's LeaderState ignores such a fetcher: "a consumer", it is never counted as an observer),
 * sent over a plain socket to the leader's CONTROLLER endpoint that describeMetadataQuorum lists (KIP-853), with
 * kafka-clients' own request and response classes. This works for any cluster whose controller listener this
 * machine can reach in PLAINTEXT; a SASL or TLS controller listener is not spoken here (the window says so).
 * It returns raw record batches; {@link io.yakraft.kafka.metalog.MetadataLogReader} decodes them with Kafka's serde.
 */
public final class MetadataFetch implements AutoCloseable {
    private static final int MAX_BYTES = 1 << 20;
    private static final int SOCKET_TIMEOUT_MS = 4000;

    /**
     * One answer: the batches' bytes, where the next fetch starts, and what stands in the way (empty when nothing);
     * {@code snapshotEnd} ≥ 0 when the leader answered with its snapshot instead (the log before it is no longer served).
     */
    public record Chunk(byte[] records, long nextOffset, int lastEpoch, long highWatermark, String note, long snapshotEnd) {
        Chunk(byte[] records, long nextOffset, int lastEpoch, long highWatermark, String note) {
            this(records, nextOffset, lastEpoch, highWatermark, note, -1);
        }
    }

    private Socket socket;
    private String connectedTo = "";
    private int correlation;
    private short fetchVersion;
    private short snapshotVersion;

    /** The leader's endpoint as describeMetadataQuorum lists it ({@code host:port}), or why none is known. */
    public static Optional<InetSocketAddress> leaderEndpoint(QuorumInfo q) {
        QuorumInfo.Node node = q.nodes().get(q.leaderId());
        if (node == null || node.endpoints().isEmpty()) {
            return Optional.empty();
        }
        RaftVoterEndpoint e = node.endpoints().get(0);
        return Optional.of(new InetSocketAddress(e.host(), e.port()));
    }

    /**
     * Fetches from {@code offset} (the epoch of the record before it: {@code lastEpoch}) at the leader of
     * {@code leaderEpoch}. Reconnects when the leader moved. Throws IOException when the socket fails.
     */
    public Chunk fetch(InetSocketAddress leader, int leaderEpoch, long offset, int lastEpoch) throws IOException {
        connect(leader);
        FetchRequestData.FetchPartition partition = new FetchRequestData.FetchPartition().setPartition(0)
                .setCurrentLeaderEpoch(leaderEpoch).setFetchOffset(offset).setLastFetchedEpoch(lastEpoch)
                .setPartitionMaxBytes(MAX_BYTES);
        FetchRequestData data = new FetchRequestData()
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic("__cluster_metadata").setTopicId(Uuid.METADATA_TOPIC_ID)
                        .setPartitions(List.of(partition))))
                .setMaxBytes(MAX_BYTES).setMaxWaitMs(0).setReplicaId(-1)
                .setReplicaState(new FetchRequestData.ReplicaState().setReplicaId(-1));
        FetchResponse response = (FetchResponse) send(new FetchRequest(data, fetchVersion), ApiKeys.FETCH, fetchVersion);
        FetchResponseData r = response.data();
        if (r.errorCode() != 0) {
            return new Chunk(new byte[0], offset, lastEpoch, -1, "Fetch: " + Errors.forCode(r.errorCode()).name());
        }
        FetchResponseData.PartitionData p = r.responses().get(0).partitions().get(0);
        if (p.errorCode() != 0) {
            return new Chunk(new byte[0], offset, lastEpoch, p.highWatermark(), "Fetch: " + Errors.forCode(p.errorCode()).name());
        }
        if (p.snapshotId().endOffset() >= 0) {
            // the leader's log start moved past the fetch offset after a snapshot: the state before it is that snapshot
            return new Chunk(new byte[0], p.snapshotId().endOffset(), p.snapshotId().epoch(), p.highWatermark(),
                    "the leader serves the log from offset " + p.snapshotId().endOffset() + " on; the state before it comes from its snapshot "
                            + p.snapshotId().endOffset() + "-" + p.snapshotId().epoch() + " (FetchSnapshot)", p.snapshotId().endOffset());
        }
        if (p.divergingEpoch().epoch() >= 0) {
            return new Chunk(new byte[0], p.divergingEpoch().endOffset(), p.divergingEpoch().epoch(), p.highWatermark(),
                    "the leader's log diverges after epoch " + p.divergingEpoch().epoch() + "; reading again from offset " + p.divergingEpoch().endOffset());
        }
        var records = (org.apache.kafka.common.record.internal.MemoryRecords) FetchResponse.recordsOrFail(p);
        long next = offset;
        int epoch = lastEpoch;
        for (var batch : records.batches()) {
            next = batch.lastOffset() + 1;
            epoch = batch.partitionLeaderEpoch();
        }
        ByteBuffer buf = records.buffer().duplicate();
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return new Chunk(bytes, next, epoch, p.highWatermark(), "");
    }

    /**
     * FetchSnapshot of the leader's snapshot {@code endOffset}-{@code epoch} as a non-replica, slice by slice until its
     * size: the bytes of the whole .checkpoint file (record batches, header and footer records included).
     */
    public byte[] fetchSnapshot(InetSocketAddress leader, int leaderEpoch, long endOffset, int epoch) throws IOException {
        connect(leader);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long position = 0;
        while (true) {
            var partition = new org.apache.kafka.common.message.FetchSnapshotRequestData.PartitionSnapshot().setPartition(0)
                    .setCurrentLeaderEpoch(leaderEpoch).setPosition(position)
                    .setSnapshotId(new org.apache.kafka.common.message.FetchSnapshotRequestData.SnapshotId().setEndOffset(endOffset).setEpoch(epoch));
            var data = new org.apache.kafka.common.message.FetchSnapshotRequestData().setReplicaId(-1).setMaxBytes(MAX_BYTES)
                    .setTopics(List.of(new org.apache.kafka.common.message.FetchSnapshotRequestData.TopicSnapshot()
                            .setName("__cluster_metadata").setPartitions(List.of(partition))));
            var response = (org.apache.kafka.common.requests.FetchSnapshotResponse) send(
                    new org.apache.kafka.common.requests.FetchSnapshotRequest(data, snapshotVersion), ApiKeys.FETCH_SNAPSHOT, snapshotVersion);
            var r = response.data();
            if (r.errorCode() != 0) {
                throw new IOException("FetchSnapshot: " + Errors.forCode(r.errorCode()).name());
            }
            var p = r.topics().get(0).partitions().get(0);
            if (p.errorCode() != 0) {
                throw new IOException("FetchSnapshot: " + Errors.forCode(p.errorCode()).name());
            }
            // the response parser hands the slice over as MemoryRecords (it may end in a cut batch; the bytes are all we use)
            var records = p.unalignedRecords();
            ByteBuffer slice = (records instanceof org.apache.kafka.common.record.internal.MemoryRecords m ? m.buffer()
                    : ((org.apache.kafka.common.record.internal.UnalignedMemoryRecords) records).buffer()).duplicate();
            byte[] bytes = new byte[slice.remaining()];
            slice.get(bytes);
            out.write(bytes);
            position += bytes.length;
            if (bytes.length == 0 || position >= p.size()) {
                return out.toByteArray();
            }
        }
    }

    private void connect(InetSocketAddress leader) throws IOException {
        String key = leader.getHostString() + ":" + leader.getPort();
        if (socket != null && key.equals(connectedTo) && !socket.isClosed()) {
            return;
        }
        close();
        socket = new Socket();
        socket.connect(leader, SOCKET_TIMEOUT_MS);
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        connectedTo = key;
        // ApiVersions first, as every Kafka client does: the Fetch version both sides speak
        short v = (short) Math.min(ApiKeys.API_VERSIONS.latestVersion(), 3);
        ApiVersionsResponse versions = (ApiVersionsResponse) send(new ApiVersionsRequest.Builder().build(v), ApiKeys.API_VERSIONS, v);
        ApiVersionsResponseData.ApiVersion fetch = versions.apiVersion(ApiKeys.FETCH.id);
        if (fetch == null) {
            close();
            throw new IOException(key + " does not take Fetch requests");
        }
        fetchVersion = (short) Math.min(fetch.maxVersion(), ApiKeys.FETCH.latestVersion());
        ApiVersionsResponseData.ApiVersion snapshot = versions.apiVersion(ApiKeys.FETCH_SNAPSHOT.id);
        snapshotVersion = snapshot == null ? 0 : (short) Math.min(snapshot.maxVersion(), ApiKeys.FETCH_SNAPSHOT.latestVersion());
    }

    private AbstractResponse send(AbstractRequest request, ApiKeys key, short version) throws IOException {
        RequestHeader header = new RequestHeader(key, version, "yakraft-studio-metadata", ++correlation);
        ByteBuffer out = request.serializeWithHeader(header);
        DataOutputStream o = new DataOutputStream(socket.getOutputStream());
        o.writeInt(out.remaining());
        o.write(out.array(), out.arrayOffset() + out.position(), out.remaining());
        o.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int size = in.readInt();
        byte[] body = new byte[size];
        in.readFully(body);
        return AbstractResponse.parseResponse(ByteBuffer.wrap(body), header);
    }

    public String connectedTo() {
        return connectedTo;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed: nothing more to release
            }
            socket = null;
            connectedTo = "";
        }
    }

    /** Collects chunks until the high watermark or {@code maxChunks}; the caller keeps the position for the next call. */
    public static List<Chunk> readUpTo(MetadataFetch f, InetSocketAddress leader, int leaderEpoch, long offset, int lastEpoch, int maxChunks)
            throws IOException {
        List<Chunk> out = new ArrayList<>();
        long at = offset;
        int epoch = lastEpoch;
        for (int i = 0; i < maxChunks; i++) {
            Chunk c = f.fetch(leader, leaderEpoch, at, epoch);
            out.add(c);
            boolean moved = c.nextOffset() != at;
            at = c.nextOffset();
            epoch = c.lastEpoch();
            if (c.note().startsWith("Fetch:") || !moved || (c.highWatermark() >= 0 && at >= c.highWatermark())) {
                break;
            }
        }
        return out;
    }
}
