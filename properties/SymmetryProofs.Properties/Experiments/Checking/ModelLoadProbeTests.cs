using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Checking;

namespace SymmetryProofs.Properties.Experiments.Checking;

/// <summary>
/// The load probe's reading of an aborted child's stderr (libtorch's std::terminate text, then native frames) and the
/// arguments it hands the child. The end-to-end behaviour (a file whose code does not compile is exit 2 in one line)
/// is in Cli/CheckModelFaultTests.
/// </summary>
public sealed class ModelLoadProbeTests
{
    // What libtorch 2.10 prints when jit.load meets TorchScript code that does not compile (native frames shortened).
    private const string Aborted = """
        terminate called after throwing an instance of 'torch::jit::ErrorReport'
          what():  
        Unknown builtin op: aten::no_such_op.
        Could not find any similar ops to aten::no_such_op. This op may not exist or may not be currently supported in TorchScript.
        :
          File "code/__torch__.py", line 7
          def forward(self: __torch__.Model,
            x: Tensor) -> Tensor:
            return torch.no_such_op(x)
                   ~~~~~~~~~~~~~~~~ <--- HERE
        frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0xb0 (0x7f in libc10.so)
        """;

    [Fact]
    public void The_message_after_what_is_one_line_with_its_source_location_and_no_frame()
    {
        var m = ModelLoadProbe.AbortMessage(Aborted);
        Assert.Equal("Unknown builtin op: aten::no_such_op. Could not find any similar ops to aten::no_such_op. This op may not exist or may not be currently supported in TorchScript, at \"code/__torch__.py\", line 7", m);
    }

    [Fact]
    public void Without_what_the_reason_line_is_kept_and_an_empty_stderr_says_so()
    {
        Assert.Equal("RuntimeError: bad thing", ModelLoadProbe.AbortMessage("terminate called without an active exception\nRuntimeError: bad thing\nframe #0: x\n"));
        Assert.Equal("no message on stderr", ModelLoadProbe.AbortMessage("\n"));
    }

    [Fact]
    public void The_child_gets_the_requests_model_shape_group_input_rep_and_dtype_and_the_hidden_option()
    {
        var args = ModelLoadProbe.Arguments(new CheckRequest { ModelPath = "m.pt", Shape = "6x3", Group = "sets", InputRep = "V * 3", Dtype = "float32", OutputRep = "trivial", Budget = 99 });
        Assert.Equal(["check", "--model", "m.pt", "--shape", "6x3", "--group", "sets", "--input-rep", "V * 3", "--dtype", "float32", ModelLoadProbe.Option], args);
        Assert.Equal(["check", "--model", "m.pt", ModelLoadProbe.Option], ModelLoadProbe.Arguments(new CheckRequest { ModelPath = "m.pt" }));
    }
}
