pragma solidity ^0.8.0;

contract Child {
    constructor(uint256 x) payable {}
}

contract Calls {
    struct Point { uint256 x; uint256 y; }
    enum Side { Left, Right, }
    uint256[] public items;
    mapping(address => mapping(uint256 => Point)) points;

    function run(bytes memory data) external payable returns (uint256) {
        Child c = new Child{value: msg.value, salt: bytes32(0)}(1);
        (uint256 a, address b) = abi.decode(data, (uint256, address));
        (uint256 p, , uint256 q) = triple();
        Point memory pt = Point({x: a, y: 2});
        uint256[] memory xs = new uint256[](3);
        uint8[3] memory fixedArr = [1, 2, 3];
        delete items[0];
        a += pt.x ** 2 ** 3;
        a = a > 1 ? a << 2 : a >> 1;
        bool t = !(a == 1 || b != address(0) && p >= q);
        a = -a + ~a & a | a ^ a % 3;
        a++;
        --a;
        items.push(a);
        type(uint256).max;
        bytes4 sel = this.run.selector;
        address(c).call{gas: 5000, value: 1}(abi.encodeWithSelector(sel, xs, fixedArr, t));
        points[b][a].x = uint256(Side.Right);
        return payable(b).balance;
    }

    function triple() internal pure returns (uint256, uint256, uint256) {
        return (1, 2, 3);
    }
}
