using System.Buffers.Binary;
using Segue.Model;
using Segue.Tests.IO;

namespace Segue.Tests.Model;

public class ModelFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "segue-tests", Guid.NewGuid().ToString("N"));
    private readonly Catalog _catalog = TestModels.Catalog();
    private readonly string _path;

    public ModelFileTests()
    {
        Directory.CreateDirectory(_dir);
        _path = Path.Combine(_dir, "model.segue");
        var config = new ModelConfig { FeatureSize = 4, AlbumBuckets = 5, TrackBuckets = 7, Duration = true, Aggregation = Aggregation.Mean };
        ModelFile.Save(_path, TestModels.Random(config, _catalog));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void RoundTripsConfigAndEveryTable()
    {
        var config = new ModelConfig { FeatureSize = 4, AlbumBuckets = 5, TrackBuckets = 7, Duration = true, Aggregation = Aggregation.Mean };
        var original = TestModels.Random(config, _catalog);
        var loaded = ModelFile.Load(_path, _catalog);
        Assert.Null(config.FirstDifference(loaded.Config));
        Assert.Equal(original.Tables.Select(t => t.Name), loaded.Tables.Select(t => t.Name));
        for (int i = 0; i < original.Tables.Count; i++)
            Assert.Equal(original.Tables[i].Values, loaded.Tables[i].Values);
        Assert.Equal(original.DurationMean, loaded.DurationMean);
        Assert.Equal(original.DurationStd, loaded.DurationStd);
    }

    [Fact]
    public void TruncatedFileIsRejected()
    {
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..(bytes.Length - 100)]);
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, _catalog));
        Assert.Equal($"{_path}: truncated or damaged model: {bytes.Length - 100} bytes, header says {bytes.Length}", e.Message);
    }

    [Fact]
    public void WrongMagicIsRejected()
    {
        var bytes = File.ReadAllBytes(_path);
        "SEGUEDS\0"u8.CopyTo(bytes);
        File.WriteAllBytes(_path, bytes);
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, _catalog));
        Assert.Equal($"{_path}: not a Segue model (wrong magic number)", e.Message);
    }

    [Fact]
    public void OtherVersionIsRejected()
    {
        var bytes = File.ReadAllBytes(_path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 7);
        File.WriteAllBytes(_path, bytes);
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, _catalog));
        Assert.Equal($"{_path}: model format version 7, but this build of Segue reads version 1", e.Message);
    }

    [Fact]
    public void DamagedTableIsRejected()
    {
        var bytes = File.ReadAllBytes(_path);
        var artists = ModelFile.Load(_path, _catalog).Artists.Values;
        int at = bytes.AsSpan().IndexOf(System.Runtime.InteropServices.MemoryMarshal.AsBytes(artists.AsSpan(0, 4)));
        bytes[at + 5] ^= 0x40;
        File.WriteAllBytes(_path, bytes);
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, _catalog));
        Assert.StartsWith($"{_path}: damaged model: checksum mismatch in section", e.Message);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void NonFiniteValuesAreRejectedNamingTheTable(float value, string shown)
    {
        SectionSurgery.Edit<float>(_path, 2, values => values[6] = value);   // section 2: the first table, albums
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, _catalog));
        Assert.Equal($"{_path}: damaged model: table albums holds {shown} at row 1, column 2", e.Message);
    }

    [Fact]
    public void CheckpointIsNotAModel()
    {
        var e = Assert.Throws<SegueException>(() => Segue.Training.Checkpoints.Load(_path, _catalog));
        Assert.Equal($"{_path}: not a Segue checkpoint (wrong magic number)", e.Message);
    }

    [Fact]
    public void ModelOfAnotherDatasetIsRejected()
    {
        var other = new Catalog(_catalog.TrackAlbums.ToArray(), _catalog.TrackArtists.ToArray(), _catalog.DurationsMs.ToArray(),
            _catalog.AlbumCount, _catalog.ArtistCount, fingerprint: 0xBEEF);
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, other));
        Assert.Equal($"{_path}: this model was trained on a dataset of the same size but another split or other URIs " +
                     "(fingerprint 0000000000c0ffee, not this one's 000000000000beef): its training playlists may be this dataset's test playlists", e.Message);
        var smaller = TestModels.Catalog(tracks: 30);
        e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, smaller));
        Assert.Contains("not this one (fingerprint 0000000000c0ffee, 30 tracks", e.Message);
    }

    [Fact]
    public void ModelOfAnotherSplitOfTheSameTracksIsRejected()
    {
        Catalog CatalogOf(int testOffset)
        {
            var builder = new Segue.Data.DatasetBuilder(testEvery: 2, testOffset: testOffset);
            for (int p = 0; p < 6; p++)
                builder.AddPlaylist(p, $"p{p}", p, [new($"spotify:track:t{p}", $"spotify:album:a{p % 3}", $"spotify:artist:r{p % 2}", "t", "a", "r", 1000)]);
            string dataset = Path.Combine(_dir, $"split{testOffset}.segue");
            builder.Write(dataset);
            using var ds = Segue.Data.Dataset.Open(dataset);
            return Catalog.FromDataset(ds);
        }
        Catalog trained = CatalogOf(0), other = CatalogOf(1);
        var config = new ModelConfig { FeatureSize = 4, AlbumBuckets = 5, TrackBuckets = 7 };
        ModelFile.Save(_path, TestModels.Random(config, trained));
        var e = Assert.Throws<SegueException>(() => ModelFile.Load(_path, other));
        Assert.Equal($"{_path}: this model was trained on a dataset of the same size but another split or other URIs " +
                     $"(fingerprint {trained.Fingerprint:x16}, not this one's {other.Fingerprint:x16}): its training playlists may be this dataset's test playlists", e.Message);
    }
}
