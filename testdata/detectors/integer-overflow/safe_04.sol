pragma solidity ^0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256 c) {
        c = a + b;
        require(c >= a);
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) return 0;
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

// Safe look-alikes of pre-0.8 arithmetic.
contract SafeToken {
    using SafeMath for uint256;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public deposits;
    uint256 public totalSupply;
    uint256 public counter;
    address public owner;

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function transfer(address to, uint256 value) public {
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(value);
        balanceOf[to] = balanceOf[to].add(value);
    }

    function transferChecked(address to, uint256 value) public {
        require(balanceOf[msg.sender] >= value && balanceOf[to] + value >= balanceOf[to]);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
    }

    function transferIf(address to, uint256 value) public {
        if (balanceOf[msg.sender] < value) throw;
        balanceOf[msg.sender] -= value;
        if (balanceOf[to] + value < balanceOf[to]) revert();
        balanceOf[to] += value;
    }

    function withdrawIfEnough(uint256 value) public {
        if (deposits[msg.sender] >= value) {
            deposits[msg.sender] -= value;
            msg.sender.transfer(value);
        }
    }


    function mint(address to, uint256 amount) public onlyOwner {
        totalSupply += amount;
        balanceOf[to] += amount;
    }

    function bump() public {
        counter += 1;
        counter = counter + 1;
    }

    function bounded(uint256 n, uint256 price) public {
        require(n <= 100 && price <= 1000 ether);
        deposits[msg.sender] = n * price;
    }

    function withFee(uint256 amount, uint256 feePercent) public {
        require(feePercent <= 100);
        uint256 fee = amount.mul(feePercent) / 100;
        deposits[msg.sender] = amount - fee;
    }

    function previousBalance() public payable returns (uint256) {
        return this.balance - msg.value;
    }

    function constants() public pure returns (uint256) {
        return 2 ** 10 + 7 * 3;
    }

    function loop(uint256[] values) public {
        uint256 sum = 0;
        for (uint256 i = 0; i < values.length; i++) {
            sum = sum.add(values[i]);
        }
        deposits[msg.sender] = sum;
    }

    function ternary(uint256 a, uint256 b) public {
        deposits[msg.sender] = a >= b ? a - b : 0;
    }

    function vote() public {
        require(deposits[msg.sender] > 0);
        deposits[msg.sender]--;
    }

    function ownerOnlySub(uint256 amount) public {
        require(msg.sender == owner);
        totalSupply -= amount;
    }
}

contract Bank {
    mapping(address => uint256) public deposits;

    function deposit() public payable {
        deposits[msg.sender] += msg.value;
        deposits[msg.sender] = deposits[msg.sender] + msg.value;
    }
}
