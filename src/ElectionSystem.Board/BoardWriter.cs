using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Board;

/// <summary>
/// Writes <c>election-board/1</c> as the records are written (<see cref="RecordJson"/>; the round's
/// parts by <see cref="ElectionRecordWriter.WriteRound"/>), each ballot in its compact wire form (<see cref="BallotJson"/>)
/// on one line; properties in the order docs/election-board.md gives.
/// </summary>
public static class BoardWriter
{
    public static string ToJson(ElectionBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return RecordJson.ToText(w => Write(w, board));
    }

    private static void Write(Utf8JsonWriter w, ElectionBoard board)
    {
        var round = board.Round;
        w.WriteStartObject();
        w.WriteString("format", ElectionBoard.Format);
        Strings(w, "context", round.Context);
        ElectionRecordWriter.WriteRound(w, round.Congress, round.Election, round.Rules, round.Candidates);
        WriteLayout(w, board.Layout);
        WriteCeremony(w, board.Ceremony);
        w.WriteStartArray("ballots");
        foreach (var b in board.Ballots)
        {
            w.WriteStartObject();
            w.WriteString("tracker", b.Tracker);
            w.WritePropertyName("ballot");
            w.WriteRawValue(BallotJson.Write(b.Ballot), skipInputValidation: true);
            w.WriteString("chain", b.Chain);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "voters", board.Voters);
        w.WriteStartObject("totals");
        Ciphertexts(w, "rows", board.Totals.Rows);
        Ciphertexts(w, "options", board.Totals.Options);
        w.WriteEndObject();
        w.WriteStartArray("decryptions");
        foreach (var d in board.Decryptions)
        {
            w.WriteStartObject();
            w.WriteNumber("trustee", d.Trustee);
            Shares(w, "rows", d.Rows);
            Shares(w, "options", d.Options);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (board.Paper is { } paper)
        {
            w.WriteStartObject("paper");
            w.WriteNumber("ballots", paper.Ballots);
            Integers(w, "rows", paper.Rows);
            Integers(w, "options", paper.Options);
            if (paper.Invalid.Count > 0)
            {
                // Optional: absent when every paper ballot is one of the layout's options (the board is then as before).
                w.WriteStartArray("invalid");
                foreach (var c in paper.Invalid)
                {
                    w.WriteStartObject();
                    w.WriteString("reason", c.Reason.ToWire());
                    w.WriteNumber("ballots", c.Ballots);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("paper");
        }
        w.WritePropertyName("result");
        using (var result = JsonDocument.Parse(board.Result))
            result.RootElement.WriteTo(w);
        w.WriteEndObject();
    }

    private static void WriteLayout(Utf8JsonWriter w, BoardLayout layout)
    {
        w.WriteStartObject("layout");
        w.WriteNumber("rows", layout.Rows);
        w.WriteStartArray("options");
        foreach (var o in layout.Options)
        {
            w.WriteStartObject();
            w.WriteString("code", o.Code);
            if (o.Reason is { } reason) w.WriteString("reason", reason);
            else w.WriteNull("reason");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("weight", layout.Weight);
        w.WriteNumber("lo", layout.Lo);
        w.WriteNumber("hi", layout.Hi);
        w.WriteEndObject();
    }

    private static void WriteCeremony(Utf8JsonWriter w, BoardCeremony ceremony)
    {
        w.WriteStartObject("ceremony");
        w.WriteNumber("threshold", ceremony.Threshold);
        w.WriteNumber("size", ceremony.Size);
        w.WriteStartArray("members");
        foreach (var m in ceremony.Members)
        {
            w.WriteStartObject();
            w.WriteNumber("index", m.Index);
            w.WriteString("delegate", m.Delegate);
            Strings(w, "commitments", [.. m.Commitments.Select(Group.EncodeElement)]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("publicKey", Group.EncodeElement(ceremony.PublicKey));
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Integers(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Ciphertexts(Utf8JsonWriter w, string name, IEnumerable<Ciphertext> values)
    {
        w.WriteStartArray(name);
        foreach (var c in values)
        {
            w.WriteStartObject();
            w.WriteString("a", Group.EncodeElement(c.A));
            w.WriteString("b", Group.EncodeElement(c.B));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Shares(Utf8JsonWriter w, string name, IEnumerable<PartialDecryption> shares)
    {
        w.WriteStartArray(name);
        foreach (var s in shares)
        {
            w.WriteStartObject();
            w.WriteString("share", Group.EncodeElement(s.Share));
            w.WriteStartArray("proof");
            w.WriteStringValue(Group.EncodeScalar(s.Proof.Challenge));
            w.WriteStringValue(Group.EncodeScalar(s.Proof.Response));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
